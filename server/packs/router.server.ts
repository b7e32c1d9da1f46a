import { z } from "zod";
import { NotFound } from "../errors/domain-errors";
import { publicProcedure, router } from "../trpc/init.server";
import { findPack, listPacks } from ".";
import { zPattern } from "../validation/text";

export const packsRouter = router({
  list: publicProcedure.query(() => listPacks()),
  get: publicProcedure.input(z.object({ key: zPattern(/^[a-z0-9-]{1,64}$/) })).query(({ input }) => {
    const pack = findPack(input.key);
    if (!pack) throw NotFound();
    return pack;
  }),
});
