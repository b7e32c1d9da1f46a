import { isProductionDeployment, type TEnv } from "../../env.server";
import { seedDemo, type DemoLogin } from "./seed-demo.server";

/**
 * The boot step for the demo business. A production deployment (APP_ENV=production) never gets
 * the demo and its well-known logins (a platform admin among them) unless SEED_DEMO=1 asks for them.
 */
export async function seedDemoOnBoot(
  e: Pick<TEnv, "APP_ENV" | "SEED_DEMO">,
  log: (line: string) => void = () => {},
): Promise<DemoLogin | null> {
  const wanted = e.SEED_DEMO ?? !isProductionDeployment(e);
  if (!wanted) {
    if (isProductionDeployment(e)) log("demo business not seeded (APP_ENV=production; SEED_DEMO=1 seeds it)");
    return null;
  }
  return seedDemo({ log });
}
