// Training pages: a single case (/training/<slug>/), a session of several
// (/training/?pack=a,b) and the trainers' pack builder. Each part does
// nothing when its markup is absent.
import { initExercise } from "./exercise";
import { readTrainingConfig } from "./messages";
import { initPack } from "./pack";
import { initBuilder } from "./builder";

if (readTrainingConfig()) {
  const single = document.querySelector<HTMLElement>("article [data-exercise]");
  if (single) initExercise(single, () => {});
  initPack();
  initBuilder();
}
