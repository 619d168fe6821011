/** The one place the API reads the process environment. */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
