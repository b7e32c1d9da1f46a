// The bare Remix 2 reference for `npm run bench` (tests/bench/public-pages.ts): one page whose
// loader returns 20 items, built and served like the app (classic compiler, ESM, Express).
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  appDirectory: "app",
  assetsBuildDirectory: "../../.artifacts/bare-remix/public/build",
  publicPath: "/build/",
  serverBuildPath: "../../.artifacts/bare-remix/build/index.js",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  tailwind: false,
  postcss: false,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
