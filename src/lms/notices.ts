// What the learner is told when a finished game's result could not reach the learning
// system, shared by the SCORM and cmi5 packages: the game is kept, and the next launch
// from the learning system opens it where it was left and sends its result.

export const NOT_SENT_NOTICE =
  'This result has not reached your learning system. Your game is kept on this device: close this window and open the course again from your learning system, on this device. The game opens where you left it, and your result is sent.';
