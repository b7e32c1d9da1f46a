import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      ".cache/**",
      ".data/**",
      "node_modules/**",
      "server/db/generated/**",
      "tests/.artifacts/**",
      "coverage/**",
      "**/.scratch/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/client", "@prisma/client/*"],
              message:
                "Import the generated client from server/db/generated/prisma, and reach the database only through withTenant/withGlobal.",
            },
          ],
        },
      ],
    },
  },
  {
    // Domain code and durable functions never reach into the Remix app.
    files: ["server/**/*.{ts,tsx}", "inngest/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/client", "@prisma/client/*"], message: "Import the generated client from server/db/generated/prisma." },
            { group: ["~/*", "**/app/*", "**/app/**"], message: "Domain code never imports from app/: move what both need into server/." },
          ],
        },
      ],
    },
  },
  {
    // The database layer is below every domain: it may use the environment and the logger, nothing else.
    files: ["server/db/**/*.ts"],
    ignores: ["server/db/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./(?!env\\.server$|observability/|db\\.server$|migrate\\.server$|enums$|internal/|models$)",
              message: "server/db is below the domains: it never imports one (the demo seed lives in server/packs/demo).",
            },
            { group: ["../../*"], message: "server/db is below the domains: it never imports one." },
          ],
        },
      ],
    },
  },
  {
    // Routes talk to the API or to domain services, never to the database client directly.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/generated/**", "**/db/database.server", "#server/db/*"],
              message: "Routes never touch Prisma: call tRPC (api()) or a domain service.",
            },
          ],
        },
      ],
    },
  },
);
