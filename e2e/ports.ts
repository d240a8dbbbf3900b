/** The end-to-end run's ports and folders, shared by playwright.config.ts and the specs. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
/** The run's SMTP server (e2e/mail-sink.ts): beside the app's port, so runs side by side never share it. */
export const MAIL_PORT = E2E_PORT + 20_000;
export const MAIL_DIR = `data/e2e-${E2E_PORT}/mail`;
