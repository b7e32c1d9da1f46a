import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type { SqlRunner } from "../../server/db/database.server";

/**
 * Compares schema.prisma with a migrated database: tables, columns, column types,
 * nullability and enum values. Returns human-readable differences (empty = no drift).
 */
type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; dbName?: string | null; values: Array<{ name: string; dbName?: string | null }> };

export interface ExpectedColumn {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= { set_message: () => {} };

export function readPrismaDatamodel(schemaPath = "prisma/schema.prisma") {
  const schema = readFileSync(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));
  return dmmf.datamodel as { models: DmmfModel[]; enums: DmmfEnum[] };
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function nativeTypeToPg(native: [string, string[]]): string {
  const [name, args] = native;
  const a = args.length ? `(${args.join(",")})` : "";
  switch (name) {
    case "Timestamptz":
      return `timestamp${args.length ? `(${args[0]})` : "(6)"} with time zone`;
    case "Timestamp":
      return `timestamp${args.length ? `(${args[0]})` : "(6)"} without time zone`;
    case "VarChar":
      return `character varying${a}`;
    case "Char":
      return `character${a}`;
    case "Uuid":
      return "uuid";
    case "Text":
      return "text";
    case "Date":
      return "date";
    case "SmallInt":
      return "smallint";
    case "Integer":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Decimal":
      return `numeric${a}`;
    case "JsonB":
      return "jsonb";
    case "Json":
      return "json";
    case "Inet":
      return "inet";
    default:
      return name.toLowerCase() + a;
  }
}

export function expectedColumns(datamodel = readPrismaDatamodel()): ExpectedColumn[] {
  const enumDbName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  return datamodel.models.flatMap((model) =>
    model.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) => {
        let type =
          f.kind === "enum" ? `enum:${enumDbName.get(f.type)}` : f.nativeType ? nativeTypeToPg(f.nativeType) : SCALAR_TYPES[f.type];
        if (!type) throw new Error(`schema-drift: no mapping for Prisma type ${f.type}`);
        if (f.isList) type = `${type}[]`;
        return { table: model.dbName ?? model.name, column: f.dbName ?? f.name, type, nullable: !f.isRequired && !f.isList };
      }),
  );
}

export async function actualColumns(sql: SqlRunner): Promise<ExpectedColumn[]> {
  const rows = await sql.query<{ table: string; column: string; type: string; udt: string; nullable: boolean }>(`
    SELECT c.relname AS table, a.attname AS column,
           format_type(a.atttypid, a.atttypmod) AS type,
           t.typname AS udt, t.typtype = 'e' AS is_enum, NOT a.attnotnull AS nullable,
           e.typname AS elem_udt, e.typtype = 'e' AS elem_is_enum
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
       AND c.relname <> '_prisma_migrations'`);
  return rows.map((r) => {
    const row = r as typeof r & { is_enum: boolean; elem_is_enum: boolean | null; elem_udt: string | null };
    let type = row.is_enum ? `enum:${row.udt}` : row.type;
    if (row.elem_is_enum) type = `enum:${row.elem_udt}[]`;
    return { table: row.table, column: row.column, type, nullable: row.nullable };
  });
}

export async function actualEnums(sql: SqlRunner): Promise<Map<string, string[]>> {
  const rows = await sql.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
      FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
      JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.name, [...(out.get(r.name) ?? []), r.value]);
  return out;
}

/** Every difference between schema.prisma and the database, one line each. */
export async function schemaDrift(sql: SqlRunner, datamodel = readPrismaDatamodel()): Promise<string[]> {
  const problems: string[] = [];
  const expected = expectedColumns(datamodel);
  const actual = await actualColumns(sql);
  const key = (c: ExpectedColumn) => `${c.table}.${c.column}`;
  const actualByKey = new Map(actual.map((c) => [key(c), c]));
  const expectedByKey = new Map(expected.map((c) => [key(c), c]));
  const expectedTables = new Set(expected.map((c) => c.table));
  const actualTables = new Set(actual.map((c) => c.table));

  for (const t of expectedTables) if (!actualTables.has(t)) problems.push(`table ${t} is in schema.prisma but not in the database`);
  for (const t of actualTables) if (!expectedTables.has(t)) problems.push(`table ${t} is in the database but not in schema.prisma`);
  for (const [k, e] of expectedByKey) {
    if (!actualTables.has(e.table)) continue;
    const a = actualByKey.get(k);
    if (!a) {
      problems.push(`column ${k} is in schema.prisma but not in the database`);
      continue;
    }
    if (a.type !== e.type) problems.push(`column ${k} has type ${a.type} in the database, ${e.type} in schema.prisma`);
    if (a.nullable !== e.nullable)
      problems.push(
        `column ${k} is ${a.nullable ? "nullable" : "NOT NULL"} in the database, ${e.nullable ? "optional" : "required"} in schema.prisma`,
      );
  }
  for (const [k, a] of actualByKey) {
    if (expectedTables.has(a.table) && !expectedByKey.has(k)) problems.push(`column ${k} is in the database but not in schema.prisma`);
  }

  const enums = await actualEnums(sql);
  for (const e of datamodel.enums) {
    const name = e.dbName ?? e.name;
    const want = e.values.map((v) => v.dbName ?? v.name);
    const have = enums.get(name);
    if (!have) problems.push(`enum ${name} is in schema.prisma but not in the database`);
    else if (want.join(",") !== have.join(",")) problems.push(`enum ${name} is [${have}] in the database, [${want}] in schema.prisma`);
  }
  return problems;
}
