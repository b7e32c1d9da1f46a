// `npm run db:seed`: migrates, then seeds the demo business (idempotent).
import { closeDatabase, getDatabase } from "../../db/db.server";
import { migrate } from "../../db/migrate.server";
import { seedDemo } from "./seed-demo.server";

const db = await getDatabase();
await migrate(db);
const login = await seedDemo({ log: (line) => console.log(line) });
console.log(
  `Demo business: ${login.businessName} (/s/${login.slug})\nOwner: ${login.email} / ${login.password}\nPlatform admin: ${login.adminEmail} / ${login.password}`,
);
await closeDatabase();
