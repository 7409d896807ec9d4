import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

// A learning platform for the tests, written to the IMS specifications the tool follows
// (LTI 1.3 Core, Deep Linking 2.0, Assignment and Grade Services 2.0, the LTI Security
// Framework): its own RSA keys published as a JWKS, an OIDC authorisation endpoint that
// answers a tool's login with a signed id_token posted back to the tool (form_post), a
// token endpoint that checks the tool's client assertion against the tool's JWKS, a line
// item whose /scores endpoint records what it received, a course roster (Names and Role
// Provisioning Services 2.0) paged through the Link header, and a deep-linking return that
// checks the tool's signed answer. It can also be told to misbehave the ways an attacker
// would: sign with a key it does not publish, address another tool, send an expired token.

export const CLIENT_ID = 'tug-of-war-tool';
export const DEPLOYMENT_ID = 'deployment-1';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const DL = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
export const ROLE = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
};

export interface LaunchPlan {
  sub: string;
  name: string;
  roles: string[];
  messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  resourceLinkId: string;
  custom: Record<string, string>;
  /** how to sign: as a platform should, or as an attacker might */
  misuse: 'none' | 'wrong-key' | 'wrong-audience' | 'expired';
}

/** A member of the course as Names and Role Provisioning Services 2.0 lists one. */
export interface CourseMember {
  user_id: string;
  name: string;
  roles: string[];
  status?: 'Active' | 'Inactive' | 'Deleted';
}

export const NRPS_SCOPE =
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
const MEMBERSHIP_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

export interface ReceivedScore {
  lineitem: string;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      text += c;
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export class TestPlatform {
  readonly scores: ReceivedScore[] = [];
  readonly deepLinks: JWTPayload[] = [];
  /** each client-credentials request: the scope asked, whether it was granted, the tool's key id */
  readonly tokenRequests: {
    scope: string;
    ok: boolean;
    reason?: string;
    kid?: string | undefined;
  }[] = [];
  /** the last form this platform posted to the tool's launch, to post again in a replay */
  lastLaunch: { id_token: string; state: string } | null = null;
  /** the score endpoint answers 503 this many more times */
  failScores = 0;
  /** the course's members; null: the platform offers no roster service (no NRPS claim) */
  members: CourseMember[] | null = null;
  /** members per page of the roster (the spec's `limit`, when the tool gives none) */
  rosterPageSize = 2;
  /** the roster service is down: it answers 503 */
  rosterDown = false;
  /** each request to the roster service: which page, and whether it was answered */
  readonly rosterRequests: { page: number; ok: boolean; reason?: string }[] = [];
  plan: LaunchPlan = TestPlatform.learnerPlan({});
  /** runs when the tool reads the platform's keys, before they are sent (a test's moment mid-launch) */
  onKeysRead: (() => Promise<void>) | null = null;

  /** Ana, a learner, launching the course's link to the assessment `custom` names, signed as it should be. */
  static learnerPlan(custom: Record<string, string>): LaunchPlan {
    return {
      sub: 'user-ana-7731',
      name: 'Ana Souza',
      roles: [ROLE.learner],
      messageType: 'LtiResourceLinkRequest',
      resourceLinkId: 'link-1',
      custom,
      misuse: 'none',
    };
  }

  /** the access tokens granted, with their scopes */
  private readonly tokens = new Map<string, string[]>();
  private toolKeys: ReturnType<typeof createRemoteJWKSet> | null = null;

  private constructor(
    readonly base: string,
    private readonly server: Server,
    private readonly keys: { privateKey: CryptoKey; jwk: JWK },
    private readonly rogue: CryptoKey,
    /** the tool's addresses: where it logs in, launches and publishes its keys */
    private readonly tool: { origin: string },
  ) {}

  static async start(toolOrigin: string): Promise<TestPlatform> {
    const own = await generateKeyPair('RS256', { extractable: true });
    const jwk = {
      ...(await exportJWK(own.publicKey)),
      kid: 'platform-key-1',
      alg: 'RS256',
      use: 'sig',
    };
    // the attacker's key announces the platform's key id, so only the signature can tell
    const rogue = (await generateKeyPair('RS256')).privateKey;
    let platform: TestPlatform | null = null;
    const server = createServer((req, res) => {
      platform!.handle(req, res).catch((err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    platform = new TestPlatform(base, server, { privateKey: own.privateKey, jwk }, rogue, {
      origin: toolOrigin,
    });
    return platform;
  }

  get issuer() {
    return this.base;
  }
  get membershipsUrl() {
    return `${this.base}/courses/7/memberships`;
  }
  get lineitem() {
    return `${this.base}/courses/7/lineitems/${this.plan.resourceLinkId}`;
  }

  /** What the platform's administrator registers with the tool. */
  registration() {
    return {
      name: 'Test LMS',
      issuer: this.issuer,
      clientId: CLIENT_ID,
      deploymentIds: [DEPLOYMENT_ID],
      authUrl: `${this.base}/auth`,
      tokenUrl: `${this.base}/token`,
      jwksUrl: `${this.base}/jwks`,
    };
  }

  /** The address a course link opens: the tool's login initiation, as the platform starts it. */
  loginUrl(targetLinkUri = `${this.tool.origin}/lti/launch`): string {
    const u = new URL(`${this.tool.origin}/lti/login`);
    u.searchParams.set('iss', this.issuer);
    u.searchParams.set('login_hint', this.plan.sub);
    u.searchParams.set('target_link_uri', targetLinkUri);
    u.searchParams.set('lti_message_hint', this.plan.resourceLinkId);
    u.searchParams.set('client_id', CLIENT_ID);
    return u.href;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async idToken(nonce: string): Promise<string> {
    const p = this.plan;
    const claims: JWTPayload = {
      nonce,
      sub: p.sub,
      name: p.name,
      [`${LTI}message_type`]: p.messageType,
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: DEPLOYMENT_ID,
      [`${LTI}roles`]: p.roles,
      [`${LTI}context`]: { id: 'course-7', title: 'Sales leadership' },
      [`${LTI}custom`]: p.custom,
    };
    if (this.members !== null)
      claims['https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice'] = {
        context_memberships_url: this.membershipsUrl,
        service_versions: ['2.0'],
      };
    if (p.messageType === 'LtiResourceLinkRequest') {
      claims[`${LTI}target_link_uri`] = `${this.tool.origin}/lti/launch`;
      claims[`${LTI}resource_link`] = { id: p.resourceLinkId, title: 'Assessment' };
      claims['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'] = {
        scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
        lineitems: `${this.base}/courses/7/lineitems`,
        lineitem: this.lineitem,
      };
    } else {
      claims[`${DL}deep_linking_settings`] = {
        deep_link_return_url: `${this.base}/deep-link-return`,
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['window'],
        data: 'opaque-platform-data',
      };
    }
    const now = Math.floor(Date.now() / 1000);
    const iat = p.misuse === 'expired' ? now - 7200 : now;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.keys.jwk.kid!, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(p.misuse === 'wrong-audience' ? 'some-other-tool' : CLIENT_ID)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 300)
      .sign(p.misuse === 'wrong-key' ? this.rogue : this.keys.privateKey);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, this.base);
    const send = (
      status: number,
      type: string,
      body: string,
      extra: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': type, ...extra });
      res.end(body);
    };
    if (url.pathname === '/jwks') {
      await this.onKeysRead?.();
      return send(200, 'application/json', JSON.stringify({ keys: [this.keys.jwk] }));
    }
    if (url.pathname === '/auth') return this.authorise(url.searchParams, send);
    if (url.pathname === '/token') return this.token(await readBody(req), send);
    if (url.pathname === '/deep-link-return') {
      const jwt = new URLSearchParams(await readBody(req)).get('JWT') ?? '';
      const { payload } = await jwtVerify(jwt, this.toolKeySet(), {
        issuer: CLIENT_ID,
        audience: this.issuer,
      });
      this.deepLinks.push(payload);
      return send(
        200,
        'text/html',
        '<!doctype html><title>Course</title><h1>Placed in the course</h1>',
      );
    }
    if (url.pathname === '/courses/7/memberships' && req.method === 'GET')
      return this.memberships(url, req.headers, send);
    const scores = /^\/courses\/7\/lineitems\/([^/]+)\/scores$/.exec(url.pathname);
    if (scores && req.method === 'POST') {
      const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
      if (!auth || !this.tokens.has(auth[1]!))
        return send(401, 'text/plain', 'no valid access token');
      if (this.failScores > 0) {
        this.failScores--;
        return send(503, 'text/plain', 'gradebook busy');
      }
      this.scores.push({
        lineitem: `${this.base}/courses/7/lineitems/${scores[1]}`,
        contentType: req.headers['content-type'],
        body: JSON.parse(await readBody(req)) as Record<string, unknown>,
      });
      return send(200, 'application/json', '{}');
    }
    return send(404, 'text/plain', 'not found');
  }

  /** The tool's keys, cached; a key id not among them fetches them again, as platforms do after a tool's key rotation. */
  private toolKeySet() {
    this.toolKeys ??= createRemoteJWKSet(new URL(`${this.tool.origin}/lti/jwks`), {
      cooldownDuration: 0,
    });
    return this.toolKeys;
  }

  /**
   * The course's members (Names and Role Provisioning Services 2.0 §2): only for a token
   * granted the NRPS scope; a page of `limit` members (rosterPageSize by default), the next
   * page named in the Link header (rel="next").
   */
  private memberships(
    url: URL,
    headers: IncomingMessage['headers'],
    send: (s: number, t: string, b: string, extra?: Record<string, string>) => void,
  ) {
    const page = Number(url.searchParams.get('page') ?? '1');
    const refuse = (status: number, reason: string) => {
      this.rosterRequests.push({ page, ok: false, reason });
      return send(status, 'text/plain', reason);
    };
    const auth = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
    const scopes = auth ? this.tokens.get(auth[1]!) : undefined;
    if (!scopes) return refuse(401, 'no valid access token');
    if (!scopes.includes(NRPS_SCOPE))
      return refuse(403, 'the token was not granted the NRPS scope');
    if (this.rosterDown) return refuse(503, 'roster service unavailable');
    const limit = Number(url.searchParams.get('limit') ?? this.rosterPageSize);
    const all = this.members ?? [];
    const members = all.slice((page - 1) * limit, page * limit);
    const extra: Record<string, string> = {};
    if (page * limit < all.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      next.searchParams.set('limit', String(limit));
      extra.link = `<${next.href}>; rel="next"`;
    }
    this.rosterRequests.push({ page, ok: true });
    return send(
      200,
      MEMBERSHIP_TYPE,
      JSON.stringify({
        id: url.href,
        context: { id: 'course-7', label: 'SL7', title: 'Sales leadership' },
        members: members.map((m) => ({ status: 'Active', ...m })),
      }),
      extra,
    );
  }

  /** OIDC authorisation (LTI 1.3 Core §5.1.1.2–3): checks the request, posts the id_token back. */
  private async authorise(q: URLSearchParams, send: (s: number, t: string, b: string) => void) {
    const expected: Record<string, string> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: CLIENT_ID,
      redirect_uri: `${this.tool.origin}/lti/launch`,
      login_hint: this.plan.sub,
    };
    for (const [k, v] of Object.entries(expected))
      if (q.get(k) !== v)
        return send(400, 'text/plain', `authorisation refused: ${k} is ${q.get(k)}, not ${v}`);
    const nonce = q.get('nonce');
    const state = q.get('state');
    if (!nonce || !state)
      return send(400, 'text/plain', 'authorisation refused: no nonce or state');
    const form = { id_token: await this.idToken(nonce), state };
    this.lastLaunch = form;
    const inputs = Object.entries(form)
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeAttr(v)}">`)
      .join('');
    return send(
      200,
      'text/html',
      `<!doctype html><html lang="en"><title>Test LMS</title><body><form id="f" method="post" action="${escapeAttr(expected.redirect_uri!)}">${inputs}<button>Continue</button></form><script>document.getElementById('f').submit()</script></body></html>`,
    );
  }

  /** OAuth 2 client credentials with a JWT client assertion (LTI Security Framework §4.1). */
  private async token(body: string, send: (s: number, t: string, b: string) => void) {
    const f = new URLSearchParams(body);
    const scope = f.get('scope') ?? '';
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(f.get('client_assertion') ?? '').kid;
      if (f.get('grant_type') !== 'client_credentials') throw new Error('grant_type');
      if (
        f.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
      )
        throw new Error('client_assertion_type');
      await jwtVerify(f.get('client_assertion') ?? '', this.toolKeySet(), {
        issuer: CLIENT_ID,
        subject: CLIENT_ID,
        audience: `${this.base}/token`,
        requiredClaims: ['jti', 'exp', 'iat'],
      });
    } catch (err) {
      this.tokenRequests.push({ scope, ok: false, reason: (err as Error).message, kid });
      return send(401, 'application/json', JSON.stringify({ error: 'invalid_client' }));
    }
    this.tokenRequests.push({ scope, ok: true, kid });
    const token = randomBytes(16).toString('hex');
    this.tokens.set(token, scope.split(' '));
    return send(
      200,
      'application/json',
      JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope }),
    );
  }
}

/** The hidden fields of a page's form (the platform's form_post, the tool's deep-linking answer). */
export function formFields(page: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(page)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1]!] = m[2]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&');
  return { action: action.replace(/&amp;/g, '&'), fields };
}
