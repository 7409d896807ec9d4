export { fairGrade, fairScoreOf, gradeIn } from '../sim/index.ts';

// The grade HR and the LMS both see, decided by the scenario's rubric (src/sim/grade.ts):
// by default the percentile of the game's score among every strategy on the same market.
// One function (src/sim/fair-score.ts), so the score an LMS records, the grade the server
// signs and the one HR's verifier recomputes are the same.
