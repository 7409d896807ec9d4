// "Check its balance" on the authoring tab asks for the report of the scenario in the
// editor; the balance tab takes the request when it is shown and starts the report, so the
// facilitator does not have to press "Run the report" as well. One request at a time.

let asked = false;

export function askForBalance(): void {
  asked = true;
}

/** Whether the report was asked for since the last call; the request is used up. */
export function takeBalanceRequest(): boolean {
  const was = asked;
  asked = false;
  return was;
}
