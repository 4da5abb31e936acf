// Runs before first paint: applies the colour theme the reader chose, if any,
// and marks the page as scripted so script-only controls (the theme toggle)
// take their place from the start instead of shifting the layout later.
import { readStoredTheme } from "./lib/theme";

const root = document.documentElement;
root.classList.add("js");
const theme = readStoredTheme();
if (theme) root.dataset.theme = theme;
