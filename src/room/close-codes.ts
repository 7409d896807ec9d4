// Close codes of the live sockets (a workshop room's, HR's cohort's) after which the page
// stops trying: opening the socket again would only be refused again.

/** the hello was refused: a wrong or missing key, a trainee's token, a sign-in not allowed */
export const CLOSE_UNAUTHORISED = 4401;
/** no such room or assignment: never made, deleted or expired */
export const CLOSE_GONE = 4404;
/** a room opened under another model of the simulation: nobody can play on in it */
export const CLOSE_OTHER_MODEL = 4409;
