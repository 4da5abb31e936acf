// Runs before first paint: applies the colour theme the reader chose, if any.
import { readStoredTheme } from "./lib/theme";

const theme = readStoredTheme();
if (theme) document.documentElement.dataset.theme = theme;
