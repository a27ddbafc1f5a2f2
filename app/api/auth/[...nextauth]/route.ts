// GET|POST /api/auth/* – Auth.js endpoints (sign-in callbacks, session, CSRF token, sign-out). Public by
// nature: Auth.js authenticates these requests itself (CSRF token, credential checks, rate limits).
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
