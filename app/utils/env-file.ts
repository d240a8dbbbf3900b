// Settings can live in a .env file (git ignores it); the environment wins where both set a variable.
import fs from "node:fs";

/**
 * Loads `file` into process.env with Node's own reader (`process.loadEnvFile`, Node ≥ 20.12: no
 * dependency needed). A variable already in the environment keeps its value, so
 * `PORT=4000 npm start` beats `PORT=3000` in .env. Returns whether the file was there.
 * `npm start`, `npm run dev` and `npm run seed` call it before reading the configuration.
 */
export function loadEnvFile(file = ".env"): boolean {
  if (!fs.existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
