// The one way to write a server action: `export const approveMerge = defineAction({ access, input }, fn)`
// in a "use server" module. A page-level check does not protect an action (anyone can POST to it), so
// each action authenticates (401) and authorizes (403) itself, then validates its input (400), runs
// inside an operation carrying the request's correlation id, and returns a typed result instead of
// throwing, so the UI can show the message. Origin checks happen in proxy.ts before any action runs.
import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { runInOperation, type OperationContext } from "../audit/correlation";
import { correlationIdFrom } from "../api/define-route";
import { zodFieldErrors } from "../api/zod-fields";
import { authorize, getSessionUser, type SessionUser } from "../auth/session";
import { AppError, isAppError, type AppErrorCode } from "../errors/app-error";

/** "public" is for the few actions a signed-out visitor needs (signing in); the guard test lists them. */
export type ActionAccess = "public" | "member" | "admin";

export interface ActionError {
  code: AppErrorCode;
  message: string;
  status: number;
  fields?: Record<string, string[]>;
}

export type ActionResult<T> = { ok: true; data: T; correlationId: string } | { ok: false; error: ActionError; correlationId: string };

export interface ActionContext<TInput, TUser = SessionUser> {
  input: TInput;
  user: TUser;
  correlationId: string;
}

function toActionError(error: unknown): ActionError {
  if (isAppError(error) && error.status < 500) {
    return { code: error.code, message: error.message, status: error.status, ...(error.fields ? { fields: error.fields } : {}) };
  }
  console.error("[action] unexpected failure:", error);
  return { code: "INTERNAL", message: "Something went wrong. Try again later.", status: 500 };
}

type ActionUser<TAccess extends ActionAccess> = TAccess extends "public" ? SessionUser | null : SessionUser;

export function defineAction<TSchema extends z.ZodType, TResult, TAccess extends ActionAccess>(
  options: { access: TAccess; input: TSchema },
  action: (context: ActionContext<z.output<TSchema>, ActionUser<TAccess>>) => Promise<TResult>,
): ((input: z.input<TSchema>) => Promise<ActionResult<TResult>>) & { access: TAccess } {
  const guarded = async (rawInput: z.input<TSchema>): Promise<ActionResult<TResult>> => {
    const operation: OperationContext = { correlationId: correlationIdFrom(await headers()), actorId: null };
    return runInOperation(operation, async () => {
      try {
        const sessionUser = await getSessionUser();
        const user = (options.access === "public" ? sessionUser : authorize(sessionUser, options.access)) as ActionUser<TAccess>;
        operation.actorId = user?.id ?? null;
        const parsed = options.input.safeParse(rawInput);
        if (!parsed.success) {
          // The fields' own messages say what to fix ("Enter a domain such as example.com."); say them.
          const fields = zodFieldErrors(parsed.error);
          const messages = [...new Set(Object.values(fields).flat())];
          throw new AppError("BAD_REQUEST", messages.length > 0 ? messages.join(" ") : "The input is invalid.", { fields });
        }
        const data = await action({ input: parsed.data, user, correlationId: operation.correlationId });
        return { ok: true as const, data, correlationId: operation.correlationId };
      } catch (error) {
        // Redirects and notFound() are control flow, not failures: let Next handle them.
        unstable_rethrow(error);
        return { ok: false as const, error: toActionError(error), correlationId: operation.correlationId };
      }
    });
  };
  return Object.assign(guarded, { access: options.access });
}
