// Runs before first paint: applies the colour theme the reader chose, if any,
// and marks the page as scripted so script-only controls (the theme toggle)
// take their place from the start instead of shifting the layout later.
// A checker link with answers (#id=value…) is marked too: /check/ then
// keeps its built result for no answers out of sight until it has scored
// the link's.
import { isAnswerFragment } from "./checker/fragment";
import { readStoredTheme } from "./lib/theme";

const root = document.documentElement;
root.classList.add("js");
if (isAnswerFragment(location.hash)) root.classList.add("answer-link");
const theme = readStoredTheme();
if (theme) root.dataset.theme = theme;
