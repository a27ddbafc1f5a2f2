// GET /api/health – liveness plus database reachability, for load balancers and `npm start` checks.
import { NextResponse } from "next/server";
import { isDatabaseHealthy } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await isDatabaseHealthy();
  return NextResponse.json(up ? { status: "ok", database: "up" } : { status: "error", database: "down" }, {
    status: up ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
