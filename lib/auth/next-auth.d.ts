// WIG's additions to Auth.js's session and token types.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** When this session was signed in (ms since epoch); compared with User.sessionsValidAfter. */
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    signedInAt?: number;
  }
}
