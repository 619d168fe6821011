// Generated from apps/api/openapi.json by `npm run openapi` (openapi-typescript). Never edit by hand.

export type paths = {
    "/device/v1/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fetch queued commands (long poll)
         * @description Answers the device’s queued commands as soon as there are any, or an empty list after `waitSeconds` (0–30). A command counts as delivered only once the answer is written to the device’s connection; one the device never received goes back to the queue. Acknowledge each with `POST /device/v1/commands/{id}/ack`.
         *
         *     **Who may call:** A device, by a signed request (`X-Device-Id`, `X-Timestamp`, `X-Nonce`, `X-Signature`; contracts.md §4).
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `DEVICE_AUTH_MISSING`: Device requests carry X-Device-Id, X-Timestamp, X-Nonce and X-Signature.
         *     - 401 `DEVICE_AUTH_MALFORMED`: A device authentication header is malformed.
         *     - 401 `DEVICE_AUTH_UNKNOWN_DEVICE`: No device with this id.
         *     - 401 `DEVICE_AUTH_BAD_SIGNATURE`: The signature does not match the request.
         *     - 401 `DEVICE_AUTH_STALE_TIMESTAMP`: X-Timestamp is more than 300 s away from the server clock.
         *     - 401 `DEVICE_AUTH_NONCE_REPLAYED`: This nonce was already used within the signature window.
         *     - 401 `DEVICE_AUTH_REVOKED`: This device’s secret has been revoked.
         */
        get: operations["DeviceApi_commands"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/device/v1/commands/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge a command
         * @description What the device did with one of its commands: `SUCCEEDED` or `FAILED`, at `occurredAt` (device time). For a session’s start command, `SUCCEEDED` means the service has begun; the session moves on. Repeating the same result is harmless; another result is 409. An acknowledgement after the command expired is still recorded, but answered 409 `DEVICE_COMMAND_EXPIRED`.
         *
         *     **Who may call:** A device, by a signed request (`X-Device-Id`, `X-Timestamp`, `X-Nonce`, `X-Signature`; contracts.md §4).
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `DEVICE_AUTH_MISSING`: Device requests carry X-Device-Id, X-Timestamp, X-Nonce and X-Signature.
         *     - 401 `DEVICE_AUTH_MALFORMED`: A device authentication header is malformed.
         *     - 401 `DEVICE_AUTH_UNKNOWN_DEVICE`: No device with this id.
         *     - 401 `DEVICE_AUTH_BAD_SIGNATURE`: The signature does not match the request.
         *     - 401 `DEVICE_AUTH_STALE_TIMESTAMP`: X-Timestamp is more than 300 s away from the server clock.
         *     - 401 `DEVICE_AUTH_NONCE_REPLAYED`: This nonce was already used within the signature window.
         *     - 401 `DEVICE_AUTH_REVOKED`: This device’s secret has been revoked.
         *     - 404 `DEVICE_COMMAND_NOT_FOUND`: No such command for this device.
         *     - 409 `DEVICE_COMMAND_EXPIRED`: The command expired before it was acknowledged; the acknowledgement is recorded.
         *     - 409 `DEVICE_COMMAND_ALREADY_ACKED`: The command was already acknowledged with another result.
         */
        post: operations["DeviceApi_ack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/device/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report an event
         * @description Records a device event (`eventId`, `type`, `occurredAt`, `sessionId` where it concerns one, and the type’s fields), at most 16 KiB (413 above). A repeated `eventId` is acknowledged (`duplicate: true`) and has no further effect. `session.ended` with its `usage` ends the session and has it priced; `charging.metered` / `valve.metered` meter readings give a session in use its running cost. `powerbank.returned` with `bankId` at any cabinet of the bank’s merchant network ends the session holding it at `occurredAt`; a bank of another network is refused (409 `POWERBANK_FOREIGN_NETWORK`, recorded and flagged). Events whose device clock is off are kept and flagged.
         *
         *     **Who may call:** A device, by a signed request (`X-Device-Id`, `X-Timestamp`, `X-Nonce`, `X-Signature`; contracts.md §4).
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `DEVICE_BODY_INVALID`: The request body is not valid.
         *     - 401 `DEVICE_AUTH_MISSING`: Device requests carry X-Device-Id, X-Timestamp, X-Nonce and X-Signature.
         *     - 401 `DEVICE_AUTH_MALFORMED`: A device authentication header is malformed.
         *     - 401 `DEVICE_AUTH_UNKNOWN_DEVICE`: No device with this id.
         *     - 401 `DEVICE_AUTH_BAD_SIGNATURE`: The signature does not match the request.
         *     - 401 `DEVICE_AUTH_STALE_TIMESTAMP`: X-Timestamp is more than 300 s away from the server clock.
         *     - 401 `DEVICE_AUTH_NONCE_REPLAYED`: This nonce was already used within the signature window.
         *     - 401 `DEVICE_AUTH_REVOKED`: This device’s secret has been revoked.
         *     - 409 `POWERBANK_FOREIGN_NETWORK`: This power bank belongs to another merchant network: the return is refused and the bank flagged for its operator.
         *     - 413 `DEVICE_BODY_TOO_LARGE`: The request body is larger than this device route accepts.
         */
        post: operations["DeviceApi_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/device/v1/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a heartbeat
         * @description The device is alive: `firmware` (at most 64 characters) and any telemetry (battery, slots, signal, meter…), at most 4 KiB (413 above). Marks the device online; heartbeats are coalesced in memory and written in batches, and a device that misses three intervals is marked offline. The answer carries the server time (to correct the device clock) and the heartbeat interval to keep.
         *
         *     **Who may call:** A device, by a signed request (`X-Device-Id`, `X-Timestamp`, `X-Nonce`, `X-Signature`; contracts.md §4).
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `DEVICE_BODY_INVALID`: The request body is not valid.
         *     - 401 `DEVICE_AUTH_MISSING`: Device requests carry X-Device-Id, X-Timestamp, X-Nonce and X-Signature.
         *     - 401 `DEVICE_AUTH_MALFORMED`: A device authentication header is malformed.
         *     - 401 `DEVICE_AUTH_UNKNOWN_DEVICE`: No device with this id.
         *     - 401 `DEVICE_AUTH_BAD_SIGNATURE`: The signature does not match the request.
         *     - 401 `DEVICE_AUTH_STALE_TIMESTAMP`: X-Timestamp is more than 300 s away from the server clock.
         *     - 401 `DEVICE_AUTH_NONCE_REPLAYED`: This nonce was already used within the signature window.
         *     - 401 `DEVICE_AUTH_REVOKED`: This device’s secret has been revoked.
         *     - 413 `DEVICE_BODY_TOO_LARGE`: The request body is larger than this device route accepts.
         */
        post: operations["DeviceApi_heartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the process is up
         * @description Liveness, for restarts: answers `{"status": "ok"}` while the process runs; touches nothing else.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`): none of its own.
         */
        get: operations["Health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the process can serve
         * @description Readiness, for load balancers: answers `{"status": "ok"}` when the database answers a query, 503 otherwise.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 503 `DATABASE_UNAVAILABLE`: The database is not reachable.
         */
        get: operations["Health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agreements in force of all children of a brand or reseller
         * @description For `parentId` (a franchise brand or hardware reseller the caller may see): the version in force on `on` (default today, Asia/Shanghai) of each direct child that has one, in one call. A parent the caller cannot see (a franchisee’s own brand included: it reads its agreement with GET /v1/organizations/{id}/agreement) answers 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["AgreementsInForce_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alert-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The alert rules in force for the caller’s organisation
         * @description Each rule with its parameter and where it comes from: the organisation’s own setting (`OWN`); for a franchisee without one, its brand’s (`BRAND`); else the default (`DEFAULT`).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["AlertRules_get"];
        /**
         * Change the caller’s alert rules
         * @description Sets the listed rules for the caller’s organisation (a brand’s apply to its franchisees that have none of their own); `reset` drops one. A threshold outside the rule’s bounds is refused naming `rules.<i>.threshold`. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        put: operations["AlertRules_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alert-webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s alert webhook
         * @description Null when none is set. The secret is never shown again.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["AlertWebhooks_get"];
        /**
         * Set the caller’s alert webhook
         * @description One per organisation. `JSON`: our payload `{"event","deliveryId","alert"}` with headers `X-Zizhu-Timestamp` (unix seconds), `X-Zizhu-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))` and `X-Zizhu-Delivery` (the same for every retry of a delivery: deduplicate on it). `WECOM`: a 企业微信 group robot’s markdown message (`{"msgtype":"markdown","markdown":{"content":…}}`) to the robot’s URL. The answer that creates the webhook, or rotates its secret (`rotateSecret`), shows the secret once. Only http(s); in production no loopback or private address. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        put: operations["AlertWebhooks_put"];
        post?: never;
        /**
         * Remove the caller’s alert webhook
         * @description Its pending deliveries are dropped. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ALERT_WEBHOOK_NOT_FOUND`: This organisation has no alert webhook.
         */
        delete: operations["AlertWebhooks_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alert-webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of the caller’s webhook
         * @description One row per alert sent (or being sent), newest first, with attempts and the last answer.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["AlertWebhooks_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alert-webhooks/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test alert to the caller’s webhook
         * @description A sample DEVICE_OFFLINE alert (JSON event `test`), sent now; answers what the receiver said. Not retried, not logged.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ALERT_WEBHOOK_NOT_FOUND`: This organisation has no alert webhook.
         */
        post: operations["AlertWebhooks_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The alert inbox
         * @description Alerts about what the caller may see, newest first: a franchisee its own devices and orders, a franchise brand all of its franchisees’, a hardware reseller its customers’ device-health (FLEET) alerts only, never their money. Filters: `state`, `kind`, `unread` (for the calling login).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Alerts_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One alert
         * @description Another tenant’s alert answers 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ALERT_NOT_FOUND`: No such alert.
         */
        get: operations["Alerts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an alert
         * @description OPEN → ACKNOWLEDGED for everyone who sees it (someone is on it), and read for the caller. A resolved alert stays RESOLVED.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ALERT_NOT_FOUND`: No such alert.
         */
        post: operations["Alerts_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an alert read
         * @description For the calling login only (idempotent).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log. `OPERATOR_STAFF` is read-only.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ALERT_NOT_FOUND`: No such alert.
         */
        post: operations["Alerts_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many alerts the calling login has not read
         * @description The console’s badge.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Alerts_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation’s API keys
         * @description Newest first, revoked ones included; the secret is never shown again. API keys cannot call this.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["ApiKeys_list"];
        put?: never;
        /**
         * Create an API key
         * @description For server-to-server calls of the operator API: send `Authorization: Bearer zk_live_…`. The key acts as its organisation with the creator’s role, limited to its scopes (a GET needs the area’s read code, other methods its write code); never sign-in, keys, webhook endpoints or platform routes. The answer shows the key once; only its SHA-256 is stored. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 403 `API_KEY_PLATFORM_REFUSED`: The platform administrator has no organisation data to give a key to: API keys and webhook endpoints belong to an organisation.
         */
        post: operations["ApiKeys_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description At once, in every API process (checked by the database on each call). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `API_KEY_NOT_FOUND`: No such API key.
         */
        delete: operations["ApiKeys_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The scopes the caller may give a key
         * @description Its own permission codes, without integrations.manage, users.write and organizations.create (never given to a key).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["ApiKeys_scopes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Page through the audit log
         * @description Who changed what (before/after, request id), newest first: the entries by or about the organisations whose data the caller may see (its own and those under it; a hardware reseller not its customers’); a platform admin sees every entry. Filters combine: `organizationId` (entries by or about one organisation), `actorUserId`, `action` (exact, or a prefix ending in `.`), `resourceType`, `resourceId`, and the time range `from` (inclusive) – `to` (exclusive). Pass `nextCursor` as `cursor` for the next page (same filters).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Audit_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a login and password
         * @description Exchanges a login (email or phone) and password for an access token (Bearer, short-lived) and a refresh token (one use, starts a sign-in session). Failed attempts are limited per (login, client address): the first few are free, then each one doubles the wait; an address with many failures across logins is closed for a while to logins that never signed in from it. A refused attempt answers 429 with a `Retry-After` header and `retryAfterSeconds`. The refresh token is also set in the `zizhu_refresh` cookie (HttpOnly, SameSite=Strict, Path=/v1/auth, Secure except over http to a loopback host) for the console.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_INVALID_CREDENTIALS`: Wrong login or password.
         *     - 429 `AUTH_RATE_LIMITED`: Too many failed sign-in attempts. Try again later.
         */
        post: operations["Auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Anyone holding the refresh token may call it. Ends that sign-in session: its refresh tokens, and the access tokens issued in it, are refused from the next request on (401 AUTH_TOKEN_REVOKED) in every API process; the user’s other sessions stay signed in. An unknown or already revoked token is accepted silently (204). The token comes from the body, or, when the body has none (`{}`), from the `zizhu_refresh` cookie with the header `X-Zizhu-Console: 1`; the cookie is cleared either way.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REFRESH_MISSING`: Send the refresh token: as {"refreshToken"} in the body, or in the zizhu_refresh cookie (the console, with X-Zizhu-Console: 1).
         *     - 403 `AUTH_CONSOLE_HEADER_REQUIRED`: A refresh token from the zizhu_refresh cookie counts only with the header X-Zizhu-Console: 1 (protection against cross-site requests).
         */
        post: operations["Auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Rotates the refresh token: answers a new access token and a new refresh token, and the one sent is spent. Presenting a spent refresh token again revokes its whole session (every token of its family): 401 `AUTH_REFRESH_REUSED`. The token comes from the body, or, when the body has none (`{}`), from the `zizhu_refresh` cookie with the header `X-Zizhu-Console: 1` (the console); the new refresh token is set in the cookie too. A token refused from the cookie clears it.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REFRESH_MISSING`: Send the refresh token: as {"refreshToken"} in the body, or in the zizhu_refresh cookie (the console, with X-Zizhu-Console: 1).
         *     - 401 `AUTH_REFRESH_INVALID`: The refresh token is invalid, expired or revoked.
         *     - 401 `AUTH_REFRESH_REUSED`: This refresh token was already used; every session of its family has been revoked. Sign in again.
         *     - 403 `AUTH_CONSOLE_HEADER_REQUIRED`: A refresh token from the zizhu_refresh cookie counts only with the header X-Zizhu-Console: 1 (protection against cross-site requests).
         */
        post: operations["Auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List complaints
         * @description The complaints on sessions the caller may see (a franchisee: those on its own sessions, though its brand’s account received them), plus those of merchant accounts it may see that match no session; newest first. `replyDueAt` / `completeDueAt` are the reply and completion deadlines (24 h and 72 h after the complaint by default: COMPLAINT_REPLY_HOURS, COMPLAINT_COMPLETE_HOURS). A hardware reseller sees none of its customers’.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Complaints_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A complaint
         * @description With WeChat’s negotiation history and the merchant’s actions (those only for the merchant of record). Another organisation’s: 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `COMPLAINT_NOT_FOUND`: No such complaint.
         */
        get: operations["Complaints_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark the complaint handled
         * @description Queues 反馈处理完成, sent by a job (WeChat refuses it before a reply). The merchant of record only. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `COMPLAINT_NOT_FOUND`: No such complaint.
         *     - 404 `COMPLAINT_NOT_YOURS_TO_ACT`: No such complaint among those of your merchant accounts (only the merchant of record acts on a complaint).
         *     - 409 `COMPLAINT_PROCESSED`: The complaint is already processed.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         */
        post: operations["Complaints_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image for a reply or a refund rejection
         * @description The request body is the image itself (Content-Type image/jpeg, image/png or image/bmp; at most 2097152 bytes = 2 MiB, WeChat’s limit); its type is read from its bytes, which must match the header. Uploaded to WeChat Pay (merchant-service/images/upload) on the complaint’s merchant account; answers the `mediaId` to pass in a reply’s `images`. The merchant of record only (like replying). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `COMPLAINT_NOT_FOUND`: No such complaint.
         *     - 404 `COMPLAINT_NOT_YOURS_TO_ACT`: No such complaint among those of your merchant accounts (only the merchant of record acts on a complaint).
         *     - 413 `COMPLAINT_IMAGE_TOO_LARGE`: The image is larger than 2 MiB (WeChat’s limit).
         *     - 415 `COMPLAINT_IMAGE_TYPE`: The image must be a JPEG, PNG or BMP (Content-Type image/jpeg, image/png or image/bmp, and bytes to match).
         *     - 502 `COMPLAINT_IMAGE_UPLOAD_FAILED`: WeChat Pay did not take the image.
         */
        post: operations["Complaints_uploadImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the complaint’s images
         * @description The image at `url`, which must be one of the complaint’s media URLs (its `media` or its negotiation history’s); any other URL is 404 and is never fetched. Fetched from WeChat Pay with a GET signed over the URL exactly as given; its Content-Type is passed through. Same readers as the complaint.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `COMPLAINT_NOT_FOUND`: No such complaint.
         *     - 404 `COMPLAINT_MEDIA_NOT_FOUND`: No such image on this complaint.
         *     - 502 `COMPLAINT_MEDIA_UNAVAILABLE`: WeChat Pay did not hand over the image.
         */
        get: operations["Complaints_media"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/payer-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The payer’s phone
         * @description Decrypted with the merchant’s private key when an operator opens it, never stored in clear. The merchant of record only. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `COMPLAINT_NOT_FOUND`: No such complaint.
         *     - 404 `COMPLAINT_NOT_YOURS_TO_ACT`: No such complaint among those of your merchant accounts (only the merchant of record acts on a complaint).
         *     - 404 `COMPLAINT_NO_PHONE`: WeChat sent no payer phone for this complaint.
         */
        get: operations["Complaints_payerPhone"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund the complained session
         * @description Refunds `amountFen` of the session the complaint is about through the normal refund path (the session’s refund job, the ledger), so WeChat marks the complaint refunded. The merchant of record only. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `COMPLAINT_NOT_FOUND`: No such complaint.
         *     - 404 `COMPLAINT_NOT_YOURS_TO_ACT`: No such complaint among those of your merchant accounts (only the merchant of record acts on a complaint).
         *     - 409 `SESSION_INVALID_STATE`: The session is not in a state that allows this.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `COMPLAINT_NO_SESSION`: The complaint names no session of this platform; refund it from WeChat Pay’s merchant platform.
         *     - 422 `SESSION_REFUND_EXCEEDS_PAID`: Refunds would exceed what the user paid.
         */
        post: operations["Complaints_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/refund-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject the user’s refund request
         * @description Queues 更新退款审批结果 (APPROVE, then refund with POST …/refund; or REJECT with a reason), sent by a job. The merchant of record only. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `COMPLAINT_NOT_FOUND`: No such complaint.
         *     - 404 `COMPLAINT_NOT_YOURS_TO_ACT`: No such complaint among those of your merchant accounts (only the merchant of record acts on a complaint).
         *     - 409 `COMPLAINT_PROCESSED`: The complaint is already processed.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         */
        post: operations["Complaints_refundProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply to the user
         * @description Queues a reply (`content`, optional uploaded image media ids) sent by a job; before each attempt the negotiation history is read, so a reply whose answer was lost is not sent twice. The merchant of record only. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `COMPLAINT_NOT_FOUND`: No such complaint.
         *     - 404 `COMPLAINT_NOT_YOURS_TO_ACT`: No such complaint among those of your merchant accounts (only the merchant of record acts on a complaint).
         *     - 409 `COMPLAINT_PROCESSED`: The complaint is already processed.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         */
        post: operations["Complaints_reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consumer/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in an end user of the mini-program
         * @description Exchanges the `wx.login` code of a mini-program (`appid`) with WeChat (code2session) for the user’s openid and answers a consumer token for the consumer routes. The appid must be listed by an enabled merchant account, whose app secret is used. Against the simulator, a code `test:<openid>` yields that openid. With `grant: "snsapi_base"` the code is from the official-account web authorisation in a browser (exchanged with /sns/oauth2/access_token; the simulator answers `test:<openid>` likewise). Creates no rows. 401 `CONSUMER_CODE_INVALID` is WeChat’s errcode 40029 / 40163 (call `wx.login` again); 502 when WeChat cannot answer or no app secret is configured.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `CONSUMER_CODE_INVALID`: The wx.login code is invalid or was already used; call wx.login again.
         *     - 422 `MERCHANT_APPID_UNKNOWN`: No merchant account lists this appid.
         *     - 502 `CONSUMER_WECHAT_UNAVAILABLE`: WeChat could not exchange the login code right now; try again.
         */
        post: operations["Consumers_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consumer/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the signed-in end user
         * @description The appid and openid the consumer token was issued for.
         *
         *     **Who may call:** An end user of the mini-program: `Authorization: Bearer <consumerToken>` from `POST /v1/consumer/login`. Operator tokens are refused.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         */
        get: operations["Consumers_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consumer/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Scan a device: start a session (or get yours back)
         * @description The end user (consumer token) scanned a device’s QR code (`deviceCode`, with `slot` for a power-bank cabinet or `connector` for an EV charger): the session is opened `AWAITING_CONFIRMATION` and its Pay Score order is created with the device’s merchant of record; the answer waits a few seconds for WeChat’s confirmation package and carries `businessView` for `wx.openBusinessView`. The same user scanning the same position again gets the same session back; while it still awaits confirmation, with a new Pay Score order (new `outOrderNo`, `attempt` + 1, a fresh package: a package is single-use) — the earlier order is cancelled at WeChat first, or, if the user had already confirmed it, the session goes on with it (at most 10 orders per session). Refused before any call to WeChat when the device is unknown, revoked, offline or busy with another user, has no plan or Pay Score service, the service is approved for another vertical or a lower risk cap, or the mini-program is not bound to the merchant.
         *
         *     **Who may call:** An end user of the mini-program: `Authorization: Bearer <consumerToken>` from `POST /v1/consumer/login`. Operator tokens are refused.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `SESSION_POSITION_INVALID`: The slot or connector does not exist on this device.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 404 `SESSION_DEVICE_NOT_FOUND`: No device has this code.
         *     - 409 `SESSION_DEVICE_UNAVAILABLE`: This device cannot start a session now.
         *     - 409 `SESSION_NO_CHARGED_BANK`: This cabinet has no charged power bank to rent.
         *     - 409 `SESSION_DEVICE_BUSY`: This device (or this slot / connector) is already in use.
         *     - 409 `SESSION_TOO_MANY_ATTEMPTS`: This session asked for too many Pay Score orders; cancel it and scan again.
         *     - 422 `SESSION_PLAN_MISSING`: The device has no pricing plan.
         *     - 422 `PAYSCORE_SERVICE_NOT_CONFIGURED`: The device has no usable Pay Score service.
         *     - 422 `PAYSCORE_SCENARIO_MISMATCH`: The Pay Score service is not approved for this device’s vertical.
         *     - 422 `PAYSCORE_RISK_CAP_EXCEEDED`: The device’s risk fund exceeds the Pay Score service’s risk cap.
         *     - 422 `SESSION_APPID_NOT_BOUND`: This mini-program is not bound to the device’s merchant account.
         */
        post: operations["ConsumerSessions_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consumer/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of my sessions
         * @description The end user’s own session: state, the current Pay Score order (`outOrderNo`, `attempt`), the confirmation jump (`businessView`) while unconfirmed, the running cost while in use (`runningFen`), then the total, lines and what was paid. Another user’s session answers 404.
         *
         *     **Who may call:** An end user of the mini-program: `Authorization: Bearer <consumerToken>` from `POST /v1/consumer/login`. Operator tokens are refused.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         */
        get: operations["ConsumerSessions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consumer/sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel my unconfirmed session
         * @description The user backed out before confirming: the session’s Pay Score order is cancelled and nothing is charged. Only while the session awaits confirmation.
         *
         *     **Who may call:** An end user of the mini-program: `Authorization: Bearer <consumerToken>` from `POST /v1/consumer/login`. Operator tokens are refused.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         *     - 409 `SESSION_INVALID_STATE`: The session is not in a state that allows this.
         */
        post: operations["ConsumerSessions_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consumer/sessions/{id}/confirmed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report the return from the confirmation page
         * @description The mini-program is back from WeChat’s confirmation page: while the session awaits confirmation, its order is queried now (the fallback for a late `USER_CONFIRM` callback) and the answer waits up to 3 s for the state to move. Safe to repeat.
         *
         *     **Who may call:** An end user of the mini-program: `Authorization: Bearer <consumerToken>` from `POST /v1/consumer/login`. Operator tokens are refused.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         */
        post: operations["ConsumerSessions_confirmed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List devices
         * @description The devices of the organisations whose fleet the caller may see (its own and those under it; a hardware reseller also its customers’), oldest first, each with its `status`, site name and plan name: filter by `status` (ONLINE / OFFLINE / FAULTED, computed at read time: ONLINE means heard from within 3 heartbeat intervals), `siteId`, `organizationId`, `type`, `online` (the stored flag) and a `code` prefix; page with `limit` and `offset`; `total` counts every match. A reseller sees its customers’ devices without their plan name (prices are the merchant of record’s).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         */
        get: operations["Devices_list"];
        put?: never;
        /**
         * Register a device
         * @description Provisions one device at a site the caller may see; it belongs to the site’s organisation. `slots` is required for a power-bank cabinet and only for it, `connectors` likewise for an EV charger; the pricing plan is given inline (`plan`, contracts.md §3) or as an existing `planId` of that organisation, not both. A `payscoreServiceId` passes the scenario guard of `POST /v1/devices/{id}/payscore-service` (an enabled service of the device’s merchant of record, approved for its vertical, the plan’s risk fund under its cap), with the same error codes and `errors` naming `payscoreServiceId`; refused, nothing is stored. Answers the device secret once (it is stored sealed). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `DEVICE_INVALID`: The device is not valid.
         *     - 400 `DEVICE_PLAN_INVALID`: The pricing plan is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SITE_NOT_FOUND`: No such site.
         *     - 404 `DEVICE_PLAN_NOT_FOUND`: No such pricing plan.
         *     - 404 `PAYSCORE_SERVICE_NOT_FOUND`: No such Pay Score service.
         *     - 409 `DEVICE_CODE_TAKEN`: A device with this code already exists.
         *     - 422 `PAYSCORE_SCENARIO_MISMATCH`: The Pay Score service is not approved for this device’s vertical.
         *     - 422 `PAYSCORE_RISK_CAP_EXCEEDED`: The device’s risk fund exceeds the Pay Score service’s risk cap.
         */
        post: operations["Devices_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a device with its history
         * @description One device the caller may see, with its `status` (as in the list), `qrUrl` (what its QR code encodes: `<PUBLIC_BASE_URL>/d/<code>`, contracts.md §4), its site, current pricing plan (null for a fleet you watch but do not operate), the last 50 telemetry samples and commands, the last 100 events, and a timeline of both.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         */
        get: operations["Devices_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a device’s commands
         * @description The device’s commands, newest first, with their state (QUEUED, DELIVERED, SUCCEEDED, FAILED, EXPIRED); filter by `state`, page with `limit` and `offset`. A reseller watching its customer’s device sees only maintenance commands, never those of a session.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         */
        get: operations["Devices_commandList"];
        put?: never;
        /**
         * Send a command to a device
         * @description Queues a command the device’s type takes (fridge: `UNLOCK`, `REBOOT`; power-bank cabinet: `EJECT`, `UNLOCK`, `REBOOT`; EV charger: `START_CHARGING`, `STOP_CHARGING`, `REBOOT`; water valve: `OPEN_VALVE`, `CLOSE_VALVE`, `REBOOT`), valid for `ttlSeconds` (default 60); the device fetches it by long poll. Only the device’s own organisation (or its franchise brand, or the platform) commands it: a hardware reseller sees its customers’ devices but gets 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         *     - 409 `DEVICE_REVOKED`: This device’s secret is revoked.
         *     - 422 `DEVICE_COMMAND_NOT_SUPPORTED`: This device type does not take this command.
         */
        post: operations["Devices_sendCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/commands/{commandId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a command of a device
         * @description One command of a device the caller may see, with its delivery and acknowledgement state.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         *     - 404 `DEVICE_COMMAND_NOT_FOUND`: No such command.
         */
        get: operations["Devices_command"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A power-bank cabinet’s inventory
         * @description Its slots (occupied with the bank and its charge, or free), from its heartbeats (`slots: [{slot, bankId, chargePercent}]`) and its bank events, how many banks are charged enough to rent (`chargedPercent`), and the banks rented from it still out.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         */
        get: operations["PowerBanks_inventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/payscore-service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bind a device to a Pay Score service
         * @description Chooses the Pay Score service id the device’s sessions are charged under: an enabled service of the device’s merchant of record (a franchisee: its brand’s). Refused when the service is approved for another vertical (422 `PAYSCORE_SCENARIO_MISMATCH`: cross-scenario use gets the merchant’s Pay Score revoked) or the risk fund of the device’s plan (its total cap) is above the service’s cap (422 `PAYSCORE_RISK_CAP_EXCEEDED`). A hardware reseller does not bind its customers’ devices (404). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         *     - 404 `PAYSCORE_SERVICE_NOT_FOUND`: No such Pay Score service.
         *     - 422 `PAYSCORE_SCENARIO_MISMATCH`: The Pay Score service is not approved for this device’s vertical.
         *     - 422 `PAYSCORE_RISK_CAP_EXCEEDED`: The device’s risk fund exceeds the Pay Score service’s risk cap.
         */
        post: operations["DevicePayscore_bind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a device’s pricing plan
         * @description With `plan` (contracts.md §3): adds a new version of the device’s pricing plan when the device alone uses it, or gives the device a plan of its own (named after its code) when it had none or shared one with other devices (those keep theirs: a shared plan is edited with PUT /v1/plans/{id}). With `planId`: the device uses that plan of its organisation. New sessions use it; sessions already started keep the version they started with. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `DEVICE_PLAN_INVALID`: The pricing plan is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         *     - 404 `DEVICE_PLAN_NOT_FOUND`: No such pricing plan.
         */
        put: operations["Devices_setPlan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/planogram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a fridge’s planogram
         * @description The SKU and par level of each shelf and slot. A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STOCK_DEVICE_NOT_FOUND`: No such fridge among those whose stock you may see.
         *     - 422 `STOCK_NOT_A_FRIDGE`: Only a fridge has a planogram and stock.
         */
        get: operations["FridgeStock_planogram"];
        /**
         * Replace a fridge’s planogram
         * @description Every SKU must be in the catalog of the fridge’s pricing plan (refused naming `slots.<i>.sku`); a shelf and slot appears once. Starts the book for new SKUs at 0; from then on the fridge’s sessions decrement it. Audited. A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STOCK_DEVICE_NOT_FOUND`: No such fridge among those whose stock you may see.
         *     - 422 `STOCK_NOT_A_FRIDGE`: Only a fridge has a planogram and stock.
         *     - 422 `STOCK_SKU_UNKNOWN`: A SKU is not in the catalog of the fridge’s pricing plan.
         *     - 422 `STOCK_SLOT_DUPLICATE`: A shelf and slot is listed twice.
         */
        put: operations["FridgeStock_putPlanogram"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/restocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A fridge’s restocks
         * @description The latest 100, newest first. A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STOCK_DEVICE_NOT_FOUND`: No such fridge among those whose stock you may see.
         *     - 422 `STOCK_NOT_A_FRIDGE`: Only a fridge has a planogram and stock.
         */
        get: operations["FridgeStock_restocks"];
        put?: never;
        /**
         * Record a restock
         * @description Per SKU: expired items taken out (the book floors at 0), then items added. Raises the book; who and when are recorded. Audited. A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STOCK_DEVICE_NOT_FOUND`: No such fridge among those whose stock you may see.
         *     - 422 `STOCK_NOT_A_FRIDGE`: Only a fridge has a planogram and stock.
         *     - 422 `STOCK_SKU_UNKNOWN`: A SKU is not in the catalog of the fridge’s pricing plan.
         *     - 422 `STOCK_SKU_DUPLICATE`: A SKU is listed twice.
         *     - 422 `STOCK_NOTHING_TO_RECORD`: The restock adds and removes nothing.
         */
        post: operations["FridgeStock_restock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/secret/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a device’s secret
         * @description The device’s signed requests are refused from now on (401 `DEVICE_AUTH_REVOKED`) and it is marked offline, until its secret is rotated. Revoking twice changes nothing. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         */
        post: operations["Devices_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a device’s secret
         * @description Issues a new device secret (answered once) and its version; the old one stops working at once. Also lifts a revocation. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         */
        post: operations["Devices_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a fridge’s stock
         * @description The book per SKU with its par level, what to fill and the low mark (the FRIDGE_LOW_STOCK rule’s share of par), and the latest sales beyond the book (charged as the fridge reported; the book floors at 0). A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STOCK_DEVICE_NOT_FOUND`: No such fridge among those whose stock you may see.
         *     - 422 `STOCK_NOT_A_FRIDGE`: Only a fridge has a planogram and stock.
         */
        get: operations["FridgeStock_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/stock-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A fridge’s stock counts
         * @description The latest 100, newest first, with the differences. A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STOCK_DEVICE_NOT_FOUND`: No such fridge among those whose stock you may see.
         *     - 422 `STOCK_NOT_A_FRIDGE`: Only a fridge has a planogram and stock.
         */
        get: operations["FridgeStock_counts"];
        put?: never;
        /**
         * Record a stock count
         * @description Sets the book of each counted SKU to what was counted and records the difference. Audited. A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STOCK_DEVICE_NOT_FOUND`: No such fridge among those whose stock you may see.
         *     - 422 `STOCK_NOT_A_FRIDGE`: Only a fridge has a planogram and stock.
         *     - 422 `STOCK_SKU_UNKNOWN`: A SKU is not in the catalog of the fridge’s pricing plan.
         *     - 422 `STOCK_SKU_DUPLICATE`: A SKU is listed twice.
         */
        post: operations["FridgeStock_count"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/stock/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A fridge’s stock history
         * @description The latest 200 movements of the book: sales, restocks, expired removals, count corrections. A fridge whose data the caller may see (its owner, a franchise brand above it, the platform; never a hardware reseller for its customers’: 404).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STOCK_DEVICE_NOT_FOUND`: No such fridge among those whose stock you may see.
         *     - 422 `STOCK_NOT_A_FRIDGE`: Only a fridge has a planogram and stock.
         */
        get: operations["FridgeStock_movements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A device’s telemetry for a chart
         * @description The numeric fields of the device’s sampled telemetry over [`from`, `to`) (default: the last 24 hours; at most 31 days), averaged in the database into at most `maxPoints` buckets of `bucketSeconds`. Readable by whoever sees the device, a reseller included (fleet health).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         */
        get: operations["Devices_telemetry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer a device to a customer (the sale)
         * @description A hardware reseller hands a device of its own inventory to one of its customer organisations, into a site of that customer. From then on only the customer operates it (plan, secret, Pay Score service, commands); the reseller keeps a read-only view of its health. The reseller’s plan and Pay Score service are cleared, open commands expire, and the secret is replaced by one nobody is told with the device revoked: the customer provisions it with POST /v1/devices/{id}/secret/rotate. A device that has served sessions is not inventory (409). Audited (device.transfer, before/after).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         *     - 404 `DEVICE_TRANSFER_CUSTOMER_NOT_FOUND`: No such customer of the device’s owner.
         *     - 404 `SITE_NOT_FOUND`: No such site.
         *     - 409 `DEVICE_TRANSFER_REFUSED`: This device cannot be transferred.
         */
        post: operations["Devices_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a device by its QR code
         * @description The device whose code (printed in its QR code) is `code`, if the caller may see it; otherwise 404.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `DEVICE_NOT_FOUND`: No such device.
         */
        get: operations["Devices_byCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import devices from CSV (or preview the import)
         * @description Provisions up to 5000 devices from a CSV (header `code,type,siteId` plus optional `name,slots,connectors,heartbeatIntervalSeconds,payscoreServiceId`), with an optional pricing plan for all of them: all rows or none. Each row is checked (its cells, a site you operate, a code not repeated in the file nor registered already, a `payscoreServiceId` that passes the scenario guard of `POST /v1/devices/{id}/payscore-service` against the import’s plan: its refusal is the row’s problem with that route’s error `code`). With `dryRun=true` nothing is stored and the answer (200) is the preview: every row with its problems (`row` is the line of the file, the header being line 1; `field`; `message`). Without it, any problem answers 422 `DEVICE_IMPORT_INVALID` with the same list in `rows` (and grouped by line in `errors`) and stores nothing; otherwise 201 with each device and its secret, answered once. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `DEVICE_PLAN_INVALID`: The pricing plan is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 409 `DEVICE_CODE_TAKEN`: A device with this code already exists.
         *     - 422 `DEVICE_IMPORT_INVALID`: The CSV has invalid rows; nothing was imported.
         */
        post: operations["Devices_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/earnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Earnings of an organisation over a date range
         * @description contracts.md §8. The sessions charged more than 0 fen whose organisation (the one that owned the device when the session started) is the given one or under it, and whose payment was recorded between `from` and `to` (Asia/Shanghai calendar days, inclusive; at most 366 days): what they paid, their successful refunds so far, the net, the commission (Σ ⌊order net × basis points ÷ 10000⌋ per order under the franchise agreement in force when the session started, 0 where none) and the share (net − commission). WeChat’s fees and fixed fees are not in these figures. Who may ask: the organisation, its franchise brand, the platform admin; anyone else — a hardware reseller about its customers included — gets 404. Aggregated in the database.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `EARNINGS_RANGE_INVALID`: from must be a date on or before to, at most 366 days apart.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Earnings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/earnings/by-organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Earnings per child organisation over a date range
         * @description The figures of GET /v1/earnings (same definitions, readers and range rules) for the organisation, grouped in one query by its direct children (a brand: each franchisee, zeros included) and itself (its own devices); the items sum to GET /v1/earnings for the organisation.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `EARNINGS_RANGE_INVALID`: from must be a date on or before to, at most 366 days apart.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Earnings_byOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Account balances
         * @description The stored balance of every ledger account the caller may read (a franchisee its own: DUE_FROM_MERCHANT is what its brand still holds for it; a brand its own and its franchisees’). A hardware reseller reads its own accounts (its customers’ fees receivable), never its customers’.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Ledger_balances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the ledger
         * @description Recomputes every account of every organisation from its entries alone and compares it with the stored balance; lists unbalanced postings. Both lists empty: the ledger is sound.
         *
         *     **Who may call:** Platform admins only. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Ledger_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ledger entries
         * @description The append-only entries of the accounts the caller may read, newest first, filtered by organisation, account, kind and effective day (Asia/Shanghai).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Ledger_entries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation’s own period figures
         * @description Sums of the organisation’s own accounts (not those under it) over effective days from..to (Asia/Shanghai): commission earned, fees earned, WeChat’s channel fee borne (and the shares of it passed on), adjustments. For a brand that collects, which has no statement of its own. Who may: the organisation, those above it, the platform; others 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `EARNINGS_RANGE_INVALID`: from must be a date on or before to, at most 366 days apart.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Ledger_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/maintenance/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may take a ticket
         * @description The active logins of the device’s organisation and of the one directly above it (technicians first); without `deviceId`, of the caller’s organisation.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `TICKET_DEVICE_NOT_FOUND`: No such device (or not one you may see).
         */
        get: operations["Maintenance_assignees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/maintenance/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Automatic tickets: the organisation’s choice
         * @description The device alert kinds for which the caller’s organisation opens a ticket by itself, and the kinds that may be chosen.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         */
        get: operations["Maintenance_settings"];
        /**
         * Choose the alert kinds that open tickets by themselves
         * @description For each new alert of these device kinds (DEVICE_OFFLINE, DEVICE_START_FAILURES…) on a device of the caller’s organisation — and, for a franchise brand, of its franchisees — a ticket is opened within a minute (one per alert; alerts raised before the choice are left alone). The organisation’s admins (`alerts.write`). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        put: operations["Maintenance_putSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/maintenance/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List maintenance tickets
         * @description Newest first; filter by `state`, `assigneeId`, `deviceId`, `alertId`; `total` counts every match. Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         */
        get: operations["Maintenance_list"];
        put?: never;
        /**
         * Open a maintenance ticket
         * @description By hand (`deviceId`, `title`) or from a device alert (`alertId`: the alert’s device, its kind as the default title). One ticket per alert: opening it again answers the existing ticket with 200. The assignee must be an active login of the device’s organisation or of the one directly above it. Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `TICKET_NOT_OPERATOR`: You watch this device’s fleet but do not operate it: its tickets are worked by the organisation that does.
         *     - 404 `TICKET_DEVICE_NOT_FOUND`: No such device (or not one you may see).
         *     - 404 `TICKET_ALERT_NOT_FOUND`: No such alert (or not one you may see).
         *     - 422 `TICKET_INVALID`: The ticket was refused: see the named field.
         *     - 422 `TICKET_ALERT_NOT_DEVICE`: This alert is not about a device: a ticket is opened from a device alert.
         *     - 422 `TICKET_ASSIGNEE_INVALID`: The assignee must be an active login of the device’s organisation or of the organisation directly above it.
         */
        post: operations["Maintenance_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/maintenance/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a maintenance ticket
         * @description With its thread (notes, state changes, assignments, photos) and its photos’ metadata. Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `TICKET_NOT_FOUND`: No such maintenance ticket (or not one you may see).
         */
        get: operations["Maintenance_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a ticket’s title, description or assignee
         * @description `assigneeId: null` unassigns. A closed ticket is 409 TICKET_CLOSED. Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `TICKET_NOT_OPERATOR`: You watch this device’s fleet but do not operate it: its tickets are worked by the organisation that does.
         *     - 404 `TICKET_NOT_FOUND`: No such maintenance ticket (or not one you may see).
         *     - 409 `TICKET_CLOSED`: The ticket is closed: reopen it before changing it.
         *     - 422 `TICKET_INVALID`: The ticket was refused: see the named field.
         *     - 422 `TICKET_ASSIGNEE_INVALID`: The assignee must be an active login of the device’s organisation or of the organisation directly above it.
         */
        patch: operations["Maintenance_update"];
        trace?: never;
    };
    "/v1/maintenance/tickets/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a note to a ticket’s thread
         * @description A closed ticket is 409 TICKET_CLOSED. Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `TICKET_NOT_OPERATOR`: You watch this device’s fleet but do not operate it: its tickets are worked by the organisation that does.
         *     - 404 `TICKET_NOT_FOUND`: No such maintenance ticket (or not one you may see).
         *     - 409 `TICKET_CLOSED`: The ticket is closed: reopen it before changing it.
         *     - 422 `TICKET_INVALID`: The ticket was refused: see the named field.
         */
        post: operations["Maintenance_addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/maintenance/tickets/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photo to a ticket
         * @description The request body is the photo itself (raw bytes, at most 5 MiB: larger is 413 TICKET_PHOTO_TOO_LARGE; empty is 422 TICKET_PHOTO_INVALID naming body), its Content-Type one of image/jpeg, image/png, image/webp (else 422 naming contentType); `name` the file’s name, URL-encoded. Stored in the database with its sha256. Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `TICKET_NOT_OPERATOR`: You watch this device’s fleet but do not operate it: its tickets are worked by the organisation that does.
         *     - 404 `TICKET_NOT_FOUND`: No such maintenance ticket (or not one you may see).
         *     - 409 `TICKET_CLOSED`: The ticket is closed: reopen it before changing it.
         *     - 413 `TICKET_PHOTO_TOO_LARGE`: A ticket photo is limited to 5 MiB.
         *     - 422 `TICKET_PHOTO_INVALID`: The photo was refused: see the named field.
         */
        post: operations["Maintenance_uploadPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/maintenance/tickets/{id}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a ticket photo
         * @description The bytes with their Content-Type, as an attachment under the file’s name (nosniff). Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `TICKET_NOT_FOUND`: No such maintenance ticket (or not one you may see).
         *     - 404 `TICKET_PHOTO_NOT_FOUND`: No such photo on this ticket.
         */
        get: operations["Maintenance_photo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/maintenance/tickets/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a ticket through its lifecycle
         * @description start (OPEN → IN_PROGRESS), resolve (OPEN/IN_PROGRESS → RESOLVED, `note` = the resolution, required), close (OPEN/IN_PROGRESS/RESOLVED → CLOSED, with a resolution: the `note` or the one given when resolving), reopen (RESOLVED/CLOSED → OPEN, the resolution cleared). Each stamps its `<event>At` and `<event>By`; another action from the current state is 409 TICKET_INVALID_TRANSITION naming action; a missing resolution is 422 TICKET_INVALID naming note. Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `TICKET_NOT_OPERATOR`: You watch this device’s fleet but do not operate it: its tickets are worked by the organisation that does.
         *     - 404 `TICKET_NOT_FOUND`: No such maintenance ticket (or not one you may see).
         *     - 409 `TICKET_INVALID_TRANSITION`: The ticket cannot make this change from its current state.
         *     - 422 `TICKET_INVALID`: The ticket was refused: see the named field.
         */
        post: operations["Maintenance_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the signed-in user
         * @description The caller’s own login (id, email, phone, role), its organisation’s id, name, kind and operating model, and `permissions`: the codes of what it may do (default deny), derived from the role and the organisation’s kind in one place (modules/identity/permissions.ts).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         */
        get: operations["Auth_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List merchant accounts
         * @description The WeChat Pay merchant accounts (mchid) of the organisations whose data the caller may see, each with its Pay Score services. Key material is never returned.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["MerchantAccounts_list"];
        put?: never;
        /**
         * Add a merchant account
         * @description Registers the caller’s WeChat Pay merchant account: mchid, bound appids, the API certificate serial and private key, the APIv3 and APIv2 keys, the WeChat Pay public key (or platform certificates) and optional mini-program app secrets. Only a merchant of record has one (an operator or a reseller’s customer; a franchisee charges through its brand’s). The credentials are validated first with a signed test call to WeChat Pay; when it fails nothing is stored (422). Secrets are stored sealed and never returned. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `MERCHANT_INVALID`: The merchant account is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 403 `MERCHANT_NOT_MERCHANT_OF_RECORD`: Only an operator, a reseller’s customer or a franchisee (for the franchisee-collects mode) holds a merchant account.
         *     - 409 `MERCHANT_MCHID_TAKEN`: A merchant account with this mchid already exists.
         *     - 422 `MERCHANT_CREDENTIALS_INVALID`: WeChat Pay did not accept these credentials; nothing was stored.
         */
        post: operations["MerchantAccounts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a merchant account
         * @description One merchant account the caller may see, with its Pay Score services; any other id answers 404. Key material is never returned.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         */
        get: operations["MerchantAccounts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/acceptance-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account’s acceptance runs
         * @description Newest first, each with its sessions, checklist and review day. Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         */
        get: operations["Acceptance_list"];
        put?: never;
        /**
         * Start an acceptance run (2.3)
         * @description On an enabled Pay Score service id of the account (else 422 ACCEPTANCE_RUN_INVALID naming serviceId) and a device bound to it whose type fits its scenario (else naming deviceId). The run then records the first PAID and the first CANCELLED session on that device and service id created after it. Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 422 `ACCEPTANCE_RUN_INVALID`: The acceptance run cannot be started on this service id and device: see the named field.
         */
        post: operations["Acceptance_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/acceptance-runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An acceptance run
         * @description Its completed and cancelled sessions (order numbers, transaction id, created/confirmed/finished times, amount), the checklist (which evidence must come from the real WeChat app, where to take it, the files attached), what is missing to finish, the next review day (Tuesday or Thursday, Asia/Shanghai), and whether the platform runs offline against the simulator. Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 404 `ACCEPTANCE_RUN_NOT_FOUND`: No such acceptance run on this merchant account.
         */
        get: operations["Acceptance_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/acceptance-runs/{runId}/checklist/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Mark a checklist item not applicable (with a reason), or applicable again
         * @description Only the items the operator uploads; not on a finished run. Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 404 `ACCEPTANCE_RUN_NOT_FOUND`: No such acceptance run on this merchant account.
         *     - 409 `ACCEPTANCE_RUN_FINISHED`: The acceptance run is finished: its checklist and evidence can no longer change.
         *     - 422 `ACCEPTANCE_RUN_INVALID`: The acceptance run cannot be started on this service id and device: see the named field.
         */
        put: operations["Acceptance_putItem"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/acceptance-runs/{runId}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish an acceptance run
         * @description Only when complete: both sessions recorded and every upload item of the checklist has evidence or a reason it does not apply; otherwise 422 ACCEPTANCE_RUN_INCOMPLETE naming each missing part (completedSession, cancelledSession, item keys). A finished run’s evidence can no longer be added or deleted. Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 404 `ACCEPTANCE_RUN_NOT_FOUND`: No such acceptance run on this merchant account.
         *     - 409 `ACCEPTANCE_RUN_FINISHED`: The acceptance run is finished: its checklist and evidence can no longer change.
         *     - 422 `ACCEPTANCE_RUN_INCOMPLETE`: The acceptance run is not complete yet: both sessions must be recorded and every checklist item needs evidence or a reason why it does not apply.
         */
        post: operations["Acceptance_finish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/application-pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Pay Score application pack (table 1.1) of a merchant account
         * @description Every row of table 1.1 of WeChat’s guide for unattended self-service merchants, from the account’s own data (contracts.md §10): the figures over its sessions paid > 0 fen in the last `days` Asia/Shanghai calendar days (today included), by the amount paid before refunds; the billing rules by describePlan; the sites of its devices; what the operator entered (PUT …/application-pack/settings). Fewer than `minSessions` such sessions: 422 APPLICATION_PACK_TOO_FEW_SESSIONS naming minSessions (no figure is invented). `format=xlsx` answers the same as a spreadsheet. Readers: the admins of the account’s organisation and of its franchise brand, and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 422 `APPLICATION_PACK_TOO_FEW_SESSIONS`: Too few paid sessions in the window to fill the application pack’s figures (see minSessions); no figure is invented.
         */
        get: operations["ApplicationPack_pack"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/application-pack/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the operator entered for the application pack
         * @description 系统软件, 预计日均笔数 and 期望接入渠道 (defaults when never set). Readers: the admins of the account’s organisation and of its franchise brand, and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         */
        get: operations["ApplicationPack_settings"];
        /**
         * Enter the application pack’s own rows
         * @description Replaces 系统软件 (1–100 characters; null or absent: "zizhu (开源)"), 预计日均笔数 (0–10,000,000; null or absent: none) and 期望接入渠道 (1–100 characters; null or absent: 小程序). Writers: the same admins as the pack’s readers; anyone else gets 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         */
        put: operations["ApplicationPack_putSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/complaint-notification-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Register the complaint notification URL
         * @description Registers (or updates) `{publicBaseUrl}/v1/payscore/notify/{id}/complaints` with WeChat Pay as the account’s complaint notification URL. Admins of the account’s organisation. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 502 `COMPLAINT_NOTIFICATION_URL_FAILED`: WeChat Pay did not register the complaint notification URL.
         */
        put: operations["Complaints_registerNotificationUrl"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scenario compliance of a merchant account
         * @description Each Pay Score service id with its approved scenario and mode, the devices bound to it (whether each fits: a service never mixes scenarios), the scans the scenario guard refused in the last 30 days (who, which device), and the complaint rate (complaints ÷ paid orders, 30 days). Readers: the admins of the account’s organisation and of its franchise brand, and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         */
        get: operations["Onboarding_getCompliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a merchant account’s credentials
         * @description Replaces the key material of an enabled account (certificate serial and private key, APIv3 and APIv2 keys, WeChat Pay public key or certificates, app secrets), validated the same way as on creation (422, nothing changed, when WeChat Pay refuses it); `credentialsVersion` goes up by one. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `MERCHANT_INVALID`: The merchant account is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 409 `MERCHANT_ACCOUNT_DISABLED`: This merchant account is disabled.
         *     - 422 `MERCHANT_CREDENTIALS_INVALID`: WeChat Pay did not accept these credentials; nothing was stored.
         */
        put: operations["MerchantAccounts_replaceCredentials"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a merchant account
         * @description The account charges nothing from now on: new sessions on its services are refused and its callbacks are no longer accepted. Disabling twice changes nothing. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         */
        post: operations["MerchantAccounts_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account’s evidence files (metadata only)
         * @description Oldest first; `purpose` narrows to one step or one acceptance item (anything else 422 naming purpose). Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 422 `EVIDENCE_INVALID`: The evidence file was refused: see the named field.
         */
        get: operations["Evidence_list"];
        put?: never;
        /**
         * Upload an evidence file
         * @description The request body is the file itself (raw bytes, 1 to 10485760 bytes = 10 MiB: larger is 413 EVIDENCE_TOO_LARGE naming body; empty is 422 naming body), its Content-Type one of image/png, image/jpeg, image/webp, image/gif, video/mp4, video/quicktime, video/webm, application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/plain (else 422 EVIDENCE_INVALID naming contentType). `purpose` is `step:<1.1|1.2|1.3|1.4|2.1|2.2|2.3>` or `acceptance:<runId>:<SCREEN_RECORDING|ONSITE_VIDEO|COMPLETED_ORDER_DETAIL|CANCELLED_ORDER_DETAIL>` (a run of this account, not finished: 409 ACCEPTANCE_RUN_FINISHED); anything else 422 naming purpose. `name` is the file’s name, URL-encoded (1–200 characters). Stored in the database with its sha256. Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 409 `ACCEPTANCE_RUN_FINISHED`: The acceptance run is finished: its checklist and evidence can no longer change.
         *     - 413 `EVIDENCE_TOO_LARGE`: An evidence file is limited to 10 MiB.
         *     - 422 `EVIDENCE_INVALID`: The evidence file was refused: see the named field.
         */
        post: operations["Evidence_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/evidence/{evidenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an evidence file
         * @description Refused (409 EVIDENCE_LOCKED) while an onboarding step refers to it, or when it belongs to a finished acceptance run (what was submitted is kept). Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 404 `EVIDENCE_NOT_FOUND`: No such evidence file on this merchant account.
         *     - 409 `EVIDENCE_LOCKED`: This evidence file cannot be deleted: it belongs to a finished acceptance run or an onboarding step refers to it.
         */
        delete: operations["Evidence_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/evidence/{evidenceId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an evidence file
         * @description The bytes with their Content-Type, as an attachment under the file’s name. Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 404 `EVIDENCE_NOT_FOUND`: No such evidence file on this merchant account.
         */
        get: operations["Evidence_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/flow-storyboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The interaction flow image (交互流程图) of a merchant account, as a printable page
         * @description The attachment of table 1.1: every state of the user’s flow for one of the account’s devices — 1 scan page, 2 confirmation hand-off, 3 in use, 4 finished with the charge lines, 5 assessment failed, 6 cancelled — numbered, side by side at 390 px, zh-CN, drawn by the live user pages’ own rendering (the scan page’s HTML, the session script’s renderers) with the device owner’s effective branding (brand name, colour, customer-service phone) and the Pay Score logo stand-in. The figures are the pricing engine’s for the device’s plan over a described sample usage (risk fund riskFundFor, running cost as the live page estimates it, the finished charge by quote); the price rule is describePlan’s. `deviceId` picks the device (one that charges through the account, else 404 FLOW_STORYBOARD_DEVICE_NOT_FOUND naming deviceId); absent, the first device with a pricing plan by code. A device the live scan would refuse is refused with 422 FLOW_STORYBOARD_UNAVAILABLE naming the field: no plan the engine can price (plan), no Pay Score service, or a service that does not fit it — approved for another scenario than its type’s, or a risk cap below its plan’s risk fund (payscoreService, the scan’s assertServiceFits) — or a merchant account without a mini-program appid (appid). Print it (A3 landscape) to save it as PDF. Readers: the admins of the account’s organisation and of its franchise brand, and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 404 `FLOW_STORYBOARD_DEVICE_NOT_FOUND`: No such device charges through this merchant account (see deviceId).
         *     - 422 `FLOW_STORYBOARD_UNAVAILABLE`: No flow storyboard can be drawn for this device: see the named field.
         */
        get: operations["ApplicationPack_flowStoryboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/onboarding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The onboarding tracker of a merchant account
         * @description The steps of WeChat’s guide (1.1 application table + attachments, 1.2 merchant number, 1.3 customer-service phone, 1.4 service-ID questionnaire, 2.1 signing + whitelist, 2.2 debugging in confirmation mode, 2.3 acceptance), each with who does it, what it needs, its state, blockers, the platform’s own checks and its evidence; the next action first. 1.1–1.4 are submitted together and blocked until 1.3 is done; individual businesses, micro merchants and service providers cannot apply (refused, every step blocked). 2.2 is done when the platform has seen a PAID and a CANCELLED order on one of the account’s service ids. Working days skip weekends only (public holidays are not modelled). Readers: the admins of the account’s organisation and of its franchise brand, and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         */
        get: operations["Onboarding_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/onboarding/steps/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record a step of the onboarding
         * @description State (TODO, IN_PROGRESS, SUBMITTED, DONE), the day it was submitted or done, a note and its evidence: metadata (file name, type, size ≤ 10 MiB, date, note), or `fileId`, a file uploaded with `POST …/evidence?purpose=step:<step>` (any other file is 422 EVIDENCE_INVALID naming evidence.fileId), whose name, type and size are then shown from the file. A state the rules forbid yet (a blocker, a refused subject type, 2.2 DONE before the platform saw its orders) is 422 ONBOARDING_STEP_BLOCKED naming `state`. Same writers as the pack’s settings; others 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 404 `ONBOARDING_STEP_INVALID`: No such onboarding step (1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3).
         *     - 422 `ONBOARDING_STEP_BLOCKED`: The onboarding step cannot take this state yet: see its blockers.
         *     - 422 `EVIDENCE_INVALID`: The evidence file was refused: see the named field.
         */
        put: operations["Onboarding_putStep"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/onboarding/subject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Enter the account’s subject type (主体类型)
         * @description As on the business licence; decides whether direct Pay Score may be applied for. Same writers as the pack’s settings; others 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         */
        put: operations["Onboarding_putSubject"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a Pay Score service id
         * @description Adds a Pay Score service id to an enabled merchant account, with the scenario (vertical), mode and per-order risk cap WeChat approved it for; only devices of that vertical may use it, and never above its cap. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 409 `MERCHANT_ACCOUNT_DISABLED`: This merchant account is disabled.
         *     - 409 `PAYSCORE_SERVICE_TAKEN`: This service id is already registered under this merchant account.
         */
        post: operations["MerchantAccounts_addService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-accounts/{id}/transfer-scene": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the WeChat transfer scene of franchisee payouts
         * @description The merchant-transfer scene (`transfer_scene_id`) and its report items (`transfer_scene_report_infos`) this account’s WeChat transfers to franchisees are sent under, as approved for the merchant in its WeChat Pay merchant platform. Without one the account uses the default: 1005 (佣金报酬) with 岗位类型 = 加盟商 and 报酬说明 = 分成结算{period} — unconfirmed for franchise revenue shares. `{period}` in a content becomes the statement’s period (YYYYMMDD-YYYYMMDD). Each infoType once; a content must fit in 32 characters once filled in (400 `MERCHANT_INVALID` naming the field). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `MERCHANT_INVALID`: The merchant account is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 409 `MERCHANT_ACCOUNT_DISABLED`: This merchant account is disabled.
         */
        put: operations["MerchantAccounts_setTransferScene"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organisations
         * @description The caller’s organisation and those under it (a franchise brand’s franchisees, a hardware reseller’s customers); a platform admin sees all.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Organizations_list"];
        put?: never;
        /**
         * Create an organisation
         * @description Adds a child organisation under the caller’s own (a platform admin: under `parentId`). The tree’s shape is fixed by the parent: the platform has operators (with an `operatingModel`: `SELF_RUN`, `FRANCHISE` or `HARDWARE_SALE`), a franchise brand has franchisees, a hardware reseller has customers. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `ORGANIZATION_MODEL_REQUIRED`: An operator needs an operatingModel (SELF_RUN, FRANCHISE or HARDWARE_SALE).
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 422 `ORGANIZATION_KIND_NOT_ALLOWED`: You may not create an organisation of this kind here.
         */
        post: operations["Organizations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an organisation
         * @description One organisation the caller may see; any other id answers 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Organizations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename an organisation or set its legal name
         * @description Renames the caller’s own organisation or one directly under it (a platform admin: any), and/or sets its legal name (主体名称, used by the Pay Score application pack; null clears it). At least one of name and legalName. Another organisation answers 404. A customer’s legal name is set by the customer itself: its reseller gets 403. Only what changes is written and audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 403 `ORGANIZATION_LEGAL_NAME_NOT_YOURS`: A customer sets its own legal name (主体名称): its reseller may not.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        patch: operations["Organizations_rename"];
        trace?: never;
    };
    "/v1/organizations/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation’s manual adjustments
         * @description A franchisee’s or customer’s adjustments with the statement each landed on, newest date first: readable by it, its brand or reseller and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 422 `ADJUSTMENT_NOT_APPLICABLE`: Only a franchisee (by its franchise brand) or a hardware reseller’s customer (by its reseller) gets adjustments.
         */
        get: operations["Adjustments_list"];
        put?: never;
        /**
         * Book a manual adjustment on an organisation’s open statement
         * @description The franchise brand books an amount on a franchisee’s statement, a hardware reseller on its customer’s fee statement (or the platform admin either): `amountFen` signed (positive: in the organisation’s favour, its brand or reseller owes it more; never 0), `reason` (the statement line’s description), `effectiveDate` (Asia/Shanghai, default today, not in the future). It lands as an ADJUSTMENT line on exactly one statement, the one whose period holds `effectiveDate`, which must still be OPEN: a date in a closed period is refused with 422 ADJUSTMENT_PERIOD_CLOSED (anything learnt after a close goes into a later period). Posted to the ledger at once and once (source ADJUSTMENT): netted from what the brand holds for the franchisee when the brand collects, otherwise against what the organisation owes its parent. The organisation itself is refused by its role (403); anyone else’s organisation answers 404. Needs an `Idempotency-Key`. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `ADJUSTMENT_NOT_APPLICABLE`: Only a franchisee (by its franchise brand) or a hardware reseller’s customer (by its reseller) gets adjustments.
         *     - 422 `ADJUSTMENT_PERIOD_CLOSED`: effectiveDate falls in a statement period that is already closed: an adjustment lands on an open statement; date it in a later, open period.
         *     - 422 `ADJUSTMENT_NO_STATEMENT`: No statement period of this organisation holds effectiveDate (no agreement was in force then): set its agreement first or choose a later date.
         */
        post: operations["Adjustments_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agreement in force
         * @description The version in force on `on` (default today, Asia/Shanghai) for a franchisee or customer: readable by it, its brand or reseller and the platform admin; anyone else gets 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 404 `AGREEMENT_NOT_FOUND`: No agreement is in force for this organisation on that date.
         *     - 422 `AGREEMENT_NOT_APPLICABLE`: Only a franchisee (with its brand) or a hardware reseller’s customer (with its reseller) has an agreement.
         */
        get: operations["Agreements_inForce"];
        /**
         * Set an organisation’s agreement from a date
         * @description The franchise brand sets a franchisee’s agreement (commission in basis points of each order’s net, optional fixed fee per device per month and minimum per month, statement period, who collects, whether WeChat’s channel fee on its sessions is passed on to it — `channelFeePassedOn`, brand collects only, default false), a hardware reseller its customer’s (platform fee per active device per month, optional fixed monthly fee); a platform admin either. Adds a version in force from `effectiveFrom` (Asia/Shanghai), replacing older versions from that day on; the same terms from the same day as the newest version answer it again. The statements the agreement calls for up to today are opened at once. A day in or before a closed statement period is refused (422). `FRANCHISEE_COLLECTS` needs the franchisee’s own merchant account and a commission no higher than `maxProfitSharingRatioBasisPoints` (default 3000). Anyone else’s organisation answers 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 422 `AGREEMENT_NOT_APPLICABLE`: Only a franchisee (with its brand) or a hardware reseller’s customer (with its reseller) has an agreement.
         *     - 422 `AGREEMENT_PERIOD_CLOSED`: effectiveFrom falls in or before a statement period that is already closed; choose a date after it.
         *     - 422 `AGREEMENT_RATIO_ABOVE_MAXIMUM`: With FRANCHISEE_COLLECTS the commission arrives by profit sharing: commissionBasisPoints may not exceed the merchant’s maximum profit-sharing ratio (maxProfitSharingRatioBasisPoints).
         *     - 422 `AGREEMENT_NEEDS_OWN_MERCHANT_ACCOUNT`: FRANCHISEE_COLLECTS needs a Pay Score merchant account of the franchisee’s own.
         */
        put: operations["Agreements_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation’s agreement history
         * @description Every version of a franchisee’s or customer’s agreement, newest first, with who set it and when. Same readers as the agreement in force.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 422 `AGREEMENT_NOT_APPLICABLE`: Only a franchisee (with its brand) or a hardware reseller’s customer (with its reseller) has an agreement.
         */
        get: operations["Agreements_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user pages branding of an organisation
         * @description What the organisation set for the reference user pages at `/d/<code>` (`own`, null = inherited), what its devices’ pages show (`effective`: own value, else the franchise brand’s for a franchisee, else the environment's USER_PAGES_*, else the built-in default), where each comes from, and a device code to preview it. The organisation itself, its franchise brand (for a franchisee) and the platform admin; a hardware reseller does not brand its customers (each runs its own merchant account and brand), and anyone else’s organisation answers 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Branding_get"];
        /**
         * Set the user pages branding of an organisation
         * @description Replaces the organisation’s branding: `brandName` (1–32 characters), `color` (`#rgb`/`#rrggbb`), `otherPaymentUrl` (https; http only for localhost/127.0.0.1), `servicePhone` (客服电话 in the pages’ footer: digits and dashes). A field omitted or null is not set and is inherited; unknown fields are refused; each error names its field. Admins only. The organisation itself, its franchise brand (for a franchisee) and the platform admin; a hardware reseller does not brand its customers (each runs its own merchant account and brand), and anyone else’s organisation answers 404. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        put: operations["Branding_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/payout-payee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A franchisee’s payout payee
         * @description The openid and appid, and whether a real name is stored (never the name). 422 PAYOUT_PAYEE_MISSING when none is set.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 422 `PAYOUT_PAYEE_MISSING`: The franchisee has no payee for WeChat transfers: set its openid (PUT /v1/organizations/{id}/payout-payee).
         */
        get: operations["PayoutPayees_get"];
        /**
         * Set a franchisee’s payout payee
         * @description The brand’s admin (or the franchisee’s own admin, or the platform admin) sets the openid (under an appid of the brand’s merchant account; default its first) that WeChat transfer payouts go to, and the payee’s real name, which WeChat requires from 2,000 CNY. The real name is stored encrypted (envelope encryption under the master key) and never returned; omitting it keeps the stored one. Another organisation answers 404. Audited (without the name).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 422 `PAYOUT_PAYEE_NOT_APPLICABLE`: Only a franchisee has a payout payee.
         */
        put: operations["PayoutPayees_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation tree
         * @description Everything `GET /v1/organizations` lists, in one call as a tree: the caller’s organisation (a platform admin: the platform) with the organisations under it (brand → franchisees, reseller → customers), each with its number of logins. Roots are the visible organisations whose parent is not visible.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Organizations_tree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The business at a glance
         * @description Aggregated in the database over what the caller may see: net revenue (paid − refunded, in fen) today, over 7 and 30 days and by day (Asia/Shanghai calendar days), sessions by state, devices online / offline / faulted, open anomalies, money still owed, and the 30-day complaint rate per merchant account and per legal entity against the COMPLAINT_RATE alert rule’s threshold. `organizationId` narrows everything to one organisation and those under it (a franchise brand: one franchisee). A hardware reseller gets `scope: FLEET_ONLY`: device health only, the money and session sections are null.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Overview_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payouts
         * @description Payouts the caller may see: a brand those it made, a franchisee those it received; newest first. `organizationId` narrows to one payee or payer, `state`, `method` and `statementId` filter. FAILED ones carry WeChat’s reason in `failure`.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Payouts_list"];
        put?: never;
        /**
         * Pay out a closed statement
         * @description The brand (or the platform admin) records that it paid a franchisee’s CLOSED statement (brand collects, payableFen > 0) by bank: `OFFLINE_BANK` with the bank transfer’s `reference`. The payout is SUCCEEDED at once for the statement’s payableFen, the statement becomes SETTLED, and the ledger moves the amount out of what the brand held for the franchisee. `WECHAT_TRANSFER`: a WeChat merchant transfer (商家转账, scene 1005 with its report items) of payableFen from the brand’s merchant account to the franchisee’s payout payee (its openid; its real name from 2,000 CNY, else 422 PAYOUT_REAL_NAME_REQUIRED). The payout answers REQUESTED; a job sends the bill and follows it (answer, query when the answer is lost, the verified transfer callback): PROCESSING (with `packageInfo` while WAIT_USER_CONFIRM: awaiting the franchisee’s confirmation in WeChat), then SUCCEEDED (statement SETTLED, TRANSFER posted to the ledger) or FAILED with WeChat’s reason (statement stays CLOSED, nothing posted; retry with POST /v1/payouts/{id}/retry). One live payout per statement (a unique index). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STATEMENT_NOT_FOUND`: No such statement.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `PAYOUT_STATEMENT_NOT_CLOSED`: Only a CLOSED statement is paid out (an open one may still change; a settled one is paid).
         *     - 422 `PAYOUT_NOT_BRAND_COLLECTS`: A payout pays a franchisee whose brand collects (BRAND_COLLECTS); with FRANCHISEE_COLLECTS the brand’s commission arrives by profit sharing.
         *     - 422 `PAYOUT_NOTHING_OWED`: The statement owes the franchisee nothing (payableFen ≤ 0).
         *     - 422 `PAYOUT_PAYEE_MISSING`: The franchisee has no payee for WeChat transfers: set its openid (PUT /v1/organizations/{id}/payout-payee).
         *     - 422 `PAYOUT_REAL_NAME_REQUIRED`: From 2,000 CNY (200,000 fen) WeChat requires the payee’s real name: set realName on the franchisee’s payout payee.
         *     - 422 `PAYOUT_NO_MERCHANT_ACCOUNT`: The brand has no enabled merchant account listing the payee’s appid to transfer from.
         *     - 422 `PAYOUT_EXISTS`: This statement already has a payout that has not failed.
         */
        post: operations["Payouts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payout
         * @description One payout the caller made or received; any other answers 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `PAYOUT_NOT_FOUND`: No such payout.
         */
        get: operations["Payouts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed WeChat transfer payout
         * @description A FAILED `WECHAT_TRANSFER` payout of a statement still CLOSED is tried again as a new payout (`retryOf` the failed one) with a new out_bill_no; the failed one stays as it was. Refused while another payout of the statement is live. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `PAYOUT_NOT_FOUND`: No such payout.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `PAYOUT_NOT_RETRYABLE`: Only a FAILED WECHAT_TRANSFER payout is retried (a new transfer with a new out_bill_no).
         *     - 422 `PAYOUT_STATEMENT_NOT_CLOSED`: Only a CLOSED statement is paid out (an open one may still change; a settled one is paid).
         *     - 422 `PAYOUT_PAYEE_MISSING`: The franchisee has no payee for WeChat transfers: set its openid (PUT /v1/organizations/{id}/payout-payee).
         *     - 422 `PAYOUT_REAL_NAME_REQUIRED`: From 2,000 CNY (200,000 fen) WeChat requires the payee’s real name: set realName on the franchisee’s payout payee.
         *     - 422 `PAYOUT_NO_MERCHANT_ACCOUNT`: The brand has no enabled merchant account listing the payee’s appid to transfer from.
         *     - 422 `PAYOUT_EXISTS`: This statement already has a payout that has not failed.
         */
        post: operations["Payouts_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/transfer-notify/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a WeChat merchant-transfer callback
         * @description The `notify_url` of the payout transfers of merchant account `accountId` (`MCHTRANSFER.BILL.FINISHED`). The signature is verified on the raw body with the account’s platform keys before the resource is decrypted with its APIv3 key; the final state is then applied to the payout once (a repeat changes nothing). A rejected callback is answered 4xx so WeChat sends it again. Public: the signature is the authentication.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `PAYOUT_NOTIFY_REJECTED`: The transfer callback failed verification (signature, timestamp or decryption); WeChat will send it again.
         *     - 404 `PAYOUT_NOTIFY_UNKNOWN_ACCOUNT`: No such merchant account.
         */
        post: operations["PayoutsNotify_notify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payscore-services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the Pay Score services my devices may use
         * @description The Pay Score services of the merchant accounts the caller may see; a franchisee gets its brand’s enabled services (those it may bind its devices to).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["PayscoreServices_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payscore/notify/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a WeChat Pay callback
         * @description The `notify_url` of every Pay Score order and refund of the merchant account `accountId`; WeChat Pay calls it (`USER_CONFIRM`, `USER_PAID`, `REFUND.*`). The signature (`Wechatpay-*` headers) is verified on the raw body with the account’s platform keys before anything is decrypted; the callback is stored once (a repeat is answered 204 and changes nothing) and applied by a job right after the answer. An authentic event type the platform does not act on is acknowledged. A rejected callback is answered 4xx, so WeChat sends it again on its retry schedule. Public: the signature is the authentication.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `PAYSCORE_NOTIFY_REJECTED`: The callback did not verify.
         *     - 404 `PAYSCORE_NOTIFY_UNKNOWN_ACCOUNT`: No merchant account receives callbacks here.
         */
        post: operations["PayscoreNotify_notify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payscore/notify/{accountId}/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a WeChat Pay complaint callback
         * @description COMPLAINT.CREATE / COMPLAINT.STATE_CHANGE for merchant account `accountId`. The signature is verified on the raw body with the account’s platform keys before anything is decrypted; stored once by notification id; a job then fetches the complaint and its history. Rejected callbacks are answered 4xx. Public: the signature is the authentication.
         *
         *     **Who may call:** Public: no sign-in.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `COMPLAINT_NOTIFY_REJECTED`: The complaint callback did not verify.
         *     - 404 `COMPLAINT_NOTIFY_UNKNOWN_ACCOUNT`: No merchant account receives complaint callbacks here.
         */
        post: operations["ComplaintNotify_notify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pricing plans
         * @description The pricing plans of the organisations whose fleet the caller operates (its own and, for a franchise brand, its franchisees’; never a reseller’s customers’), newest first, each with its current version, its kind (`type`, from the charge parts of the current version) and how many devices use it. Filter by `type`, by vertical (`deviceType`: plans used by a device of that type), by `organizationId`, search by name (`q`); page with `limit` and `offset`; `total` counts every match.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Plans_list"];
        put?: never;
        /**
         * Create a pricing plan
         * @description A named plan at version 1 (contracts.md §3, checked by the pricing engine: every problem is named by its field path, e.g. `plan.rental.unitFen`), owned by the caller’s organisation or one whose fleet it operates (`organizationId`). Devices use it through `planId` (POST /v1/devices, PUT /v1/devices/{id}/plan). Audited (plan.create).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `DEVICE_PLAN_INVALID`: The pricing plan is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `PLAN_ORGANIZATION_NOT_FOUND`: No such organisation among those whose fleet you operate.
         */
        post: operations["Plans_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a pricing plan with its versions and devices
         * @description One plan: its current version’s plan, every version newest first with who published it and when, and the devices using it (by code).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `PLAN_NOT_FOUND`: No such pricing plan.
         */
        get: operations["Plans_detail"];
        /**
         * Publish a new version of a pricing plan
         * @description Appends the next immutable version (and renames the plan when `name` is given). Every device using the plan prices its new sessions with it at once; sessions already started keep the version they started with. With `expectedVersion` (the version a preview was made for), nothing is stored when another version was published since (409). Audited (plan.version.create, before/after).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `DEVICE_PLAN_INVALID`: The pricing plan is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `PLAN_NOT_FOUND`: No such pricing plan.
         *     - 409 `PLAN_VERSION_CONFLICT`: The plan has a newer version than the one you edited.
         */
        put: operations["Plans_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a new version: the devices it reprices
         * @description A dry run of PUT /v1/plans/{id}: checks the plan and lists the devices whose new sessions would be priced by it (sessions already running keep their version), and whether it differs from the current version at all. Stores nothing; the console shows the list and asks before saving (with `expectedVersion`).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `DEVICE_PLAN_INVALID`: The pricing plan is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `PLAN_NOT_FOUND`: No such pricing plan.
         */
        post: operations["Plans_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/power-banks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List power banks
         * @description The power banks of the cabinets the caller may see (a franchisee its own cabinets’, a brand all of its network), flagged ones first, then by bank id: state (IN_SLOT, RENTED, LOST, BOUGHT_OUT), where it is and its charge, the session renting it, and the operator flag (RETURNED_AFTER_BUYOUT, FOREIGN_RETURN). Filter by `state`, `flagged`, `deviceId` and a `bankId` prefix.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         */
        get: operations["PowerBanks_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/power-banks/{id}/clear-flag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear a power bank’s flag
         * @description The operator has dealt with a flagged bank (RETURNED_AFTER_BUYOUT, FOREIGN_RETURN): the flag and its detail are cleared, and the flag, its detail and the `note` are written to the audit log (`power-bank.clear-flag`). The admins of the organisations that see the bank (its cabinet’s organisation and the brand above it); another tenant’s bank is 404, a bank without a flag 409 POWERBANK_NOT_FLAGGED. Its POWERBANK_FLAGGED alert resolves at the next evaluation.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `POWERBANK_NOT_FOUND`: No such power bank.
         *     - 409 `POWERBANK_NOT_FLAGGED`: This power bank has no flag to clear.
         */
        post: operations["PowerBanks_clearFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profit-sharing-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List profit-sharing splits
         * @description Per-order splits (分账) of franchisees that collect (FRANCHISEE_COLLECTS): the brand’s commission sent from the franchisee’s merchant account to the brand’s. A brand sees its franchisees’ splits, a franchisee its own, anyone else none; newest first. `organizationId` narrows to one franchisee (or brand).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["ProfitSharing_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profit-sharing-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A profit-sharing split
         * @description One split the caller may see; any other answers 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `PROFIT_SHARING_ORDER_NOT_FOUND`: No such profit-sharing order.
         */
        get: operations["ProfitSharing_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profit-sharing-orders/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed split
         * @description A FAILED split (refused by WeChat, its receiver line closed) is tried again under a new out_order_no by the durable split job; refused (422) unless FAILED and within 30 days of the payment. Answers the split, now PENDING.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `PROFIT_SHARING_ORDER_NOT_FOUND`: No such profit-sharing order.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `PROFIT_SHARING_NOT_RETRYABLE`: Only a FAILED profit-sharing order within 30 days of its payment can be retried.
         */
        post: operations["ProfitSharing_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show what users still owe
         * @description Completed orders not yet paid, among the sessions the caller may see: their count and total owed, and by age since the order was completed (0-1d, 1-3d, 3-7d, 7-30d, >30d; counted and summed by the database), and one page of them, oldest first (`bucket` narrows the page to one age). Ask WeChat to try the debit again with `POST /v1/sessions/{id}/collect`.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Sessions_receivables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reconciliation runs
         * @description Runs of the merchant accounts the caller may see, newest bill date first; filter by account, date and state.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Reconciliation_list"];
        put?: never;
        /**
         * Reconcile a day
         * @description Runs the reconciliation of a merchant account’s bill date: the trade bill (ALL) and fund-flow bill (BASIC) are asked for at once, downloaded (SHA1 checked), stored, and matched against the sessions and refunds by transaction_id and out_order_no; each difference is re-checked by an order or refund query before it is shown. 201 with a new run (state RUNNING until the job finishes: DONE, NO_BILL, BILL_NOT_READY or FAILED), or 200 with the existing run when the day is already DONE, NO_BILL or RUNNING. A day that ended BILL_NOT_READY or FAILED may be run again. Admins of the account’s organisation and the platform admin.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `MERCHANT_ACCOUNT_NOT_FOUND`: No such merchant account.
         *     - 422 `RECONCILIATION_BILL_DATE_INVALID`: billDate must be a calendar day (YYYY-MM-DD).
         */
        post: operations["Reconciliation_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A reconciliation run
         * @description The run with its bills (hashes) and differences (open ones have resolvedAt null). Another organisation’s run answers 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `RECONCILIATION_NOT_FOUND`: No such reconciliation run.
         */
        get: operations["Reconciliation_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reconciliations/{id}/differences/{differenceId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a difference
         * @description An operator closes a difference with a note of what was found and done. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `CUSTOMER_ADMIN` or `FRANCHISEE_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `RECONCILIATION_DIFFERENCE_NOT_FOUND`: No such difference in this reconciliation run.
         *     - 409 `RECONCILIATION_DIFFERENCE_RESOLVED`: This difference was already resolved.
         */
        post: operations["Reconciliation_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sessions
         * @description Sessions of the devices and merchants whose data the caller may see (its own and those under it; a hardware reseller never sees its customers’), newest first, with the count of all that match (`total`). Filter by `state` (one or more), `vertical`, `deviceId`, `siteId`, `organizationId` (a franchise brand picks a franchisee), `anomaly` / `anomalyKind`, the days `from`–`to` (Asia/Shanghai) and `q` (a session id or an out_order_no). Page with `limit` and `cursor` (the previous page’s `nextCursor`: keyset, as fast deep in the list as at its start) or `limit` and `offset`.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Sessions_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a session
         * @description One session the caller may see (a hardware reseller never sees its customers’ sessions): every `<state>_at` (`times`), usage, quote, the lines sent to WeChat, operator actions and among them the refunds (with `refundableFen`, what can still be refunded), the Pay Score orders (`attempts`: a scan repeated before confirming replaces the order) and, while in use, the running cost (`runningFen`, from the latest meter reading for chargers and valves: `meterReading`) with its quote (`runningQuote`).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         */
        get: operations["Sessions_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask WeChat to collect an unpaid order now
         * @description Queues a 催收 (collect) for a completed, unpaid order (`AWAITING_PAYMENT`): WeChat tries the debit again. Answers 202 at once; the action’s state shows the outcome. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         *     - 409 `SESSION_INVALID_STATE`: The session is not in a state that allows this.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         */
        post: operations["Sessions_collect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a session for the device
         * @description For a session `STARTING` or `IN_USE` whose end the device did not report (“I returned it, the cabinet missed it”): ends it at `endedAt` (between the start of the service and now) with the given usage, stops the device where it has a stop command, prices it with the plan version the session started with and completes its Pay Score order. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         *     - 409 `SESSION_INVALID_STATE`: The session is not in a state that allows this.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `SESSION_END_TIME_INVALID`: The end time is not valid for this session.
         *     - 422 `SESSION_USAGE_INVALID`: The usage is not valid for this session’s pricing plan.
         */
        post: operations["Sessions_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/modify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lower the amount of an unpaid order
         * @description Queues WeChat’s modify of a completed, unpaid order (`AWAITING_PAYMENT`) to a `totalFen` strictly below its current total (an order can only be lowered, before payment). Answers 202 at once; the new action’s state in the session shows the outcome. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         *     - 409 `SESSION_INVALID_STATE`: The session is not in a state that allows this.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `SESSION_AMOUNT_INVALID`: The amount is not valid for this session.
         */
        post: operations["Sessions_modify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a paid session
         * @description Queues a refund of `amountFen` of a `PAID` session (by its WeChat transaction id). All refunds of a session that have not failed never add up to more than was paid. Answers 202 at once; the action’s state shows the outcome. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         *     - 409 `SESSION_INVALID_STATE`: The session is not in a state that allows this.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `SESSION_REFUND_EXCEEDS_PAID`: Refunds would exceed what the user paid.
         */
        post: operations["Sessions_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/refunds/{actionId}/give-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give up a held refund
         * @description A HELD refund becomes FAILED (its amount may be refunded again later); the reason it was held is kept. Audited. Refused (409 SESSION_REFUND_RETURN_SUCCEEDED) when its split return succeeded: the brand’s commission share is already back with the merchant, so it can only be retried.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         *     - 409 `SESSION_REFUND_NOT_HELD`: Only a HELD refund (refused by WeChat for lack of money after a split) can be retried or given up.
         *     - 409 `SESSION_REFUND_RETURN_SUCCEEDED`: The brand already returned its commission share for this refund (split return SUCCEEDED): it cannot be given up; top up the merchant account and retry it.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         */
        post: operations["Sessions_giveUpHeldRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/refunds/{actionId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a held refund
         * @description A HELD refund (WeChat refused it for lack of money after the brand’s commission was split off, issue 12) is sent again under the same out_refund_no, once the merchant’s balance covers it. Answers 202; the action’s state shows the outcome (HELD again if the balance is still short). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SESSION_NOT_FOUND`: No such session.
         *     - 409 `SESSION_REFUND_NOT_HELD`: Only a HELD refund (refused by WeChat for lack of money after a split) can be retried or given up.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         */
        post: operations["Sessions_retryHeldRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export sessions as CSV
         * @description The sessions `GET /v1/sessions` lists with the same filters (no paging), newest first, streamed as CSV: UTF-8 with a byte-order mark (Excel reads the Chinese), one row per session, money both in yuan with 2 decimals (`total_yuan`) and in fen (`total_fen`), times in Asia/Shanghai (`YYYY-MM-DD HH:mm:ss`). Only sessions the caller may see (a hardware reseller’s export is empty).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Sessions_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sites
         * @description The sites of the organisations whose fleet the caller may see (its own and those under it; a hardware reseller also its customers’), oldest first, each with its address, city and device counts (all, ONLINE, FAULTED; see GET /v1/devices `status`) counted in the database. `organizationId` narrows to one organisation, `city` to one city, `q` to names containing it; page with `limit` and `offset`; `total` counts every match.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         */
        get: operations["Sites_list"];
        put?: never;
        /**
         * Create a site
         * @description Adds a site (name, address, city, optional coordinates) to the caller’s organisation or, with `organizationId`, to one under it. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `SITE_NOT_FOUND`: No such site.
         */
        post: operations["Sites_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a site
         * @description One site the caller may see; any other id answers 404.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN`, `CUSTOMER_ADMIN` or `TECHNICIAN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 404 `SITE_NOT_FOUND`: No such site.
         */
        get: operations["Sites_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List statements
         * @description Statements per organisation and period (the agreement’s: daily, weekly from Monday, monthly; Asia/Shanghai dates) that the caller may see: a franchisee its own, a brand its franchisees’, a hardware reseller its customers’ fee statements (never revenue), a customer its own. Newest period first. `from`/`to` keep the periods that overlap the range.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         */
        get: operations["Statements_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A statement with its lines and totals
         * @description An OPEN statement shows the figures so far (recomputed on each read); a CLOSED or SETTLED one what was fixed at its close. Another tenant’s statement answers 404.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STATEMENT_NOT_FOUND`: No such statement.
         */
        get: operations["Statements_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a statement
         * @description The brand (or reseller, or platform admin) closes an OPEN statement whose period has ended: its lines and totals are computed in the database and fixed; anything learnt later lands in a later period as an adjustment. Closing a closed statement answers it again; an `Idempotency-Key` (optional here, as closing is itself repeatable) replays the first answer. The job closes ended periods by itself too. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (optional): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STATEMENT_NOT_FOUND`: No such statement.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         *     - 422 `STATEMENT_NOT_CLOSABLE`: Only an OPEN statement whose period has ended can be closed.
         */
        post: operations["Statements_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{id}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a statement as CSV
         * @description The statement’s header, lines and totals as CSV (UTF-8 with a byte-order mark; money in yuan with 2 decimals and in fen). Same readers as the statement.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STATEMENT_NOT_FOUND`: No such statement.
         */
        get: operations["Statements_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{id}/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a statement as XLSX
         * @description The same as the CSV export, as a spreadsheet (money in fen and in yuan). Same readers as the statement.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STATEMENT_NOT_FOUND`: No such statement.
         */
        get: operations["Statements_exportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{id}/settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record how a closed statement was settled (no payout)
         * @description The party owed — the brand for its franchisees’ statements, the hardware reseller for its customers’ (or the platform admin) — records how a CLOSED statement that no payout settles was settled: a franchisee that collects itself (FRANCHISEE_COLLECTS: the commission arrived by profit sharing; fixed fees, minimum top-ups and commission whose split expired are paid to the brand), a brand-collects statement with payableFen ≤ 0 (the franchisee owes the brand), or a reseller’s fee statement (the customer owes its reseller). `method`: OFFLINE_BANK (a bank transfer; `reference` required), OFFSET (set off against other money between the two parties), OTHER (cash, waived…; say how in `note`). `settledAt` (default now) is when the money moved: not in the future, not before the statement closed. The statement becomes SETTLED with the settlement on it (`settlement`); nothing is posted to the ledger. Refused with 409: an OPEN statement (STATEMENT_SETTLE_NOT_CLOSED), a SETTLED one (STATEMENT_ALREADY_SETTLED), a brand-collects statement with payableFen > 0 (STATEMENT_SETTLE_BY_PAYOUT: pay it with POST /v1/payouts). The statement’s own organisation is refused by its role (403); any other organisation gets 404. Needs an `Idempotency-Key`. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Idempotent** under the `Idempotency-Key` header (required): the same key with the same request replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `IDEMPOTENCY_KEY_REQUIRED`: This request needs an Idempotency-Key header.
         *     - 400 `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header must be 1 to 255 printable ASCII characters.
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `STATEMENT_NOT_FOUND`: No such statement.
         *     - 409 `STATEMENT_SETTLE_NOT_CLOSED`: The statement is still OPEN: it may still change; close it first, then record how it was settled.
         *     - 409 `STATEMENT_ALREADY_SETTLED`: The statement is already SETTLED (by a payout or a recorded settlement).
         *     - 409 `STATEMENT_SETTLE_BY_PAYOUT`: The brand collects for this franchisee and owes it the statement’s payableFen (> 0): that is settled by a payout (POST /v1/payouts), not recorded here.
         *     - 422 `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was used with another request.
         */
        post: operations["Statements_settle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stock/below-par": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fridges below par
         * @description The fridges whose data the caller may see with a SKU below its par level (the morning restock run), most low SKUs and most to fill first (a hardware reseller: its own only).
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["StockOverview_belowPar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customer-service lookup
         * @description Finds the sessions a user asks about by WeChat’s `transactionId`, an `outOrderNo` (any Pay Score order of the session), a `refundNo` (out_refund_no or refund_id), the user’s `openid`, or `deviceTime` (a device code in `q` and a moment in `at`: the sessions on that device within `windowMinutes`, default 30, of it). Each comes with its charge lines, refunds, complaints and what the device reported around it. Only sessions the caller may see: a franchisee its own, a hardware reseller none of its customers’ (permission `support.search`). A search by an end user’s identifier (openid, transactionId, refundNo), or any whose answer names a user, is written to the audit log (`support.lookup`: who searched what, and what was found). A malformed identifier is a 400 naming the field.
         *
         *     **Who may call:** Any signed-in user but a `TECHNICIAN`. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Support_lookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List logins
         * @description The logins of the organisations the caller may see (its own and those under it), oldest first; `organizationId` narrows to one organisation.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["Users_list"];
        put?: never;
        /**
         * Create a login
         * @description Adds a login (email or phone, password, role) to the caller’s organisation or, with `organizationId`, to one directly under it whose data it may see (a hardware reseller does not manage its customers’ logins). The role must fit the organisation’s kind (operator: `OPERATOR_ADMIN`, `OPERATOR_STAFF` or `TECHNICIAN`; franchisee: `FRANCHISEE_ADMIN` or `TECHNICIAN`; customer: `CUSTOMER_ADMIN` or `TECHNICIAN`). A `TECHNICIAN` sees the fleet (sites, devices) and works maintenance tickets, never money. Never with an API key (USER_API_KEY_REFUSED). Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 400 `USER_LOGIN_REQUIRED`: Give an email or a phone number.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 403 `USER_API_KEY_REFUSED`: Logins are created and managed by a signed-in admin, never with an API key.
         *     - 404 `ORGANIZATION_NOT_FOUND`: No such organisation.
         *     - 404 `USER_ORGANIZATION_NOT_FOUND`: No such organisation to add a login to.
         *     - 409 `USER_LOGIN_TAKEN`: This email or phone number is already a login.
         *     - 422 `USER_ROLE_NOT_ALLOWED`: This role does not fit that organisation, or you may not grant it.
         */
        post: operations["Users_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a login
         * @description One login the caller may see; any other id answers 404.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `OPERATOR_STAFF`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `USER_NOT_FOUND`: No such user.
         */
        get: operations["Users_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a login
         * @description Admins of the login's organisation or of the organisation directly above it (and platform admins). The login can no longer sign in or refresh, and its access tokens are refused from the next request on, in every API process. A login one does not manage answers USER_ROLE_NOT_ALLOWED; one’s own login cannot be disabled. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 403 `USER_API_KEY_REFUSED`: Logins are created and managed by a signed-in admin, never with an API key.
         *     - 404 `USER_NOT_FOUND`: No such user.
         *     - 422 `USER_ROLE_NOT_ALLOWED`: This role does not fit that organisation, or you may not grant it.
         *     - 422 `USER_CANNOT_DISABLE_SELF`: You cannot disable your own login.
         */
        post: operations["Users_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a disabled login
         * @description Same callers as disable. The login may sign in again; tokens it held when disabled stay revoked. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 403 `USER_API_KEY_REFUSED`: Logins are created and managed by a signed-in admin, never with an API key.
         *     - 404 `USER_NOT_FOUND`: No such user.
         *     - 422 `USER_ROLE_NOT_ALLOWED`: This role does not fit that organisation, or you may not grant it.
         */
        post: operations["Users_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log
         * @description One row per event × endpoint, newest first, each with its attempts (status, duration, error).
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["WebhookDeliveries_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description The same event (same id) to the same endpoint, retried as a new delivery would be. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `WEBHOOK_DELIVERY_NOT_FOUND`: No such webhook delivery.
         */
        post: operations["WebhookDeliveries_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation’s business-event webhook endpoints
         * @description Each with its URL, events and whether it is enabled; the signing secret is never shown again. API keys cannot call this.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         */
        get: operations["WebhookEndpoints_list"];
        put?: never;
        /**
         * Add a webhook endpoint
         * @description Events `session.paid`, `session.cancelled`, `refund.succeeded`, `complaint.created` (of the organisation and those below it; a hardware reseller never its customers’) and `device.online`, `device.offline` (a reseller also its customers’). Each is POSTed as `{"id","type","occurredAt","createdAt","data"}` with `Zizhu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`, `Zizhu-Event-Id` (the same on every retry and replay: deduplicate on it) and `Zizhu-Event-Type`; retried with back-off until a 2xx. The answer shows the signing secret once. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 403 `API_KEY_PLATFORM_REFUSED`: The platform administrator has no organisation data to give a key to: API keys and webhook endpoints belong to an organisation.
         */
        post: operations["WebhookEndpoints_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a webhook endpoint
         * @description With its delivery log. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `WEBHOOK_ENDPOINT_NOT_FOUND`: No such webhook endpoint.
         */
        delete: operations["WebhookEndpoints_remove"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description URL, events, description, enabled; `rotateSecret` answers the new secret once. Audited.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 400 `VALIDATION_FAILED`: The request is not valid.
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `WEBHOOK_ENDPOINT_NOT_FOUND`: No such webhook endpoint.
         */
        patch: operations["WebhookEndpoints_update"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description A signed event of type `test`, sent now; answers what the receiver said. Not retried, not logged.
         *
         *     **Who may call:** Signed-in users with the role `OPERATOR_ADMIN`, `FRANCHISEE_ADMIN` or `CUSTOMER_ADMIN`, and platform admins. `Authorization: Bearer <accessToken>`. Runs in the caller's tenant transaction: it sees and changes only what the caller's organisation may, and a platform admin's every call is written to the audit log.
         *
         *     **Errors** (`application/problem+json`, by `code`):
         *     - 401 `AUTH_REQUIRED`: Sign in first: send Authorization: Bearer <accessToken>.
         *     - 401 `AUTH_TOKEN_INVALID`: The access token is invalid or has expired.
         *     - 401 `AUTH_TOKEN_REVOKED`: This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.
         *     - 401 `AUTH_TENANT_GONE`: The organisation of this login no longer exists.
         *     - 403 `AUTH_READ_ONLY`: Your role is read-only.
         *     - 403 `AUTH_FORBIDDEN`: Your role may not do this.
         *     - 404 `WEBHOOK_ENDPOINT_NOT_FOUND`: No such webhook endpoint.
         */
        post: operations["WebhookEndpoints_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        AcceptanceChecklistItemDto: {
            done: boolean;
            /** @description Evidence ids of purpose acceptance:<runId>:<key>. */
            evidenceIds: string[];
            /** @enum {string} */
            key: "SCREEN_RECORDING" | "ONSITE_VIDEO" | "COMPLETED_ORDER_DETAIL" | "CANCELLED_ORDER_DETAIL" | "PLATFORM_RECORDS";
            /** @description zh-CN label (the console shows its locale’s text by key). */
            label: string;
            notApplicableReason: string | null;
            /**
             * @description REAL_WECHAT_APP: must be taken with the real WeChat app, even offline; PLATFORM: computed here, nothing to upload.
             * @enum {string}
             */
            source: "REAL_WECHAT_APP" | "PLATFORM";
            /** @description True when a file (or a reason it does not apply) is required to finish. */
            upload: boolean;
            /** @description Where to take it (zh-CN). */
            where: string;
        };
        AcceptanceRunDto: {
            /** @description The first CANCELLED one. */
            cancelled: components["schemas"]["AcceptanceSessionDto"] | null;
            checklist: components["schemas"]["AcceptanceChecklistItemDto"][];
            /** @description The first PAID session on the device and service id started after the run was created. */
            completed: components["schemas"]["AcceptanceSessionDto"] | null;
            /** Format: date-time */
            createdAt: string;
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            merchantAccountId: string;
            /** @description What keeps it from being finished: completedSession, cancelledSession, or checklist item keys. */
            missing: string[];
            /** @description What the operator must know (zh-CN). */
            notes: string[];
            /** @description True when the platform talks to the Pay Score simulator: the run proves the flow, but the REAL_WECHAT_APP evidence must still come from the real WeChat app. */
            offline: boolean;
            /** @description The next review day (Tuesday or Thursday, Asia/Shanghai) after today, or after the day it was finished. */
            reviewDay: string;
            serviceId: string;
            /** @description Offline: the simulator’s base URL (its phone page confirms the order). */
            simulatorUrl: string | null;
            /** @description The device’s reference user page (what its QR code opens outside WeChat). */
            userPagePath: string;
        };
        AcceptanceRunListDto: {
            /** @description Newest first. */
            items: components["schemas"]["AcceptanceRunDto"][];
        };
        AcceptanceSessionDto: {
            /** @description Amount paid in fen (completed); the cancelled order: null. */
            amountFen: number | null;
            /**
             * Format: date-time
             * @description When the user confirmed the Pay Score order.
             */
            confirmedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Paid at (completed) or cancelled at.
             */
            finishedAt: string | null;
            /** @description The merchant’s order number (out_order_no). */
            outOrderNo: string;
            /** Format: uuid */
            sessionId: string;
            /** @enum {string} */
            state: "PAID" | "CANCELLED";
            /** @description WeChat Pay’s transaction id, when known (paid orders). */
            transactionId: string | null;
        };
        AddNoteDto: {
            /** @example 已更换门锁电机 */
            body: string;
        };
        AdjustmentDto: {
            /** @description Signed fen: positive in the organisation’s favour. */
            amountFen: number;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The login that booked it.
             */
            createdBy: string | null;
            /** @description Its display name at the time. */
            createdByName: string | null;
            /** @example 2026-12-05 */
            effectiveDate: string;
            /** Format: uuid */
            id: string;
            /**
             * @description The kind of statement it lands on.
             * @enum {string}
             */
            kind: "FRANCHISE" | "RESELLER";
            /**
             * Format: uuid
             * @description The franchisee or customer it is for.
             */
            organizationId: string;
            /**
             * Format: uuid
             * @description Its franchise brand or hardware reseller.
             */
            parentOrganizationId: string;
            /** @example 2026-12-31 */
            periodEnd: string;
            /** @example 2026-12-01 */
            periodStart: string;
            reason: string;
            /**
             * Format: uuid
             * @description The one statement it lands on (its period holds effectiveDate).
             */
            statementId: string;
            /**
             * @description That statement’s status now.
             * @enum {string}
             */
            statementStatus: "OPEN" | "CLOSED" | "SETTLED";
        };
        AdjustmentListDto: {
            items: components["schemas"]["AdjustmentDto"][];
            total: number;
        };
        AgingBucketDto: {
            /**
             * @example 1-3d
             * @enum {string}
             */
            bucket: "0-1d" | "1-3d" | "3-7d" | "7-30d" | ">30d";
            count: number;
            /** @description …and less than this many (null: no upper bound). */
            maxDays: number | null;
            /** @description Orders completed at least this many days ago… */
            minDays: number;
            owedFen: number;
        };
        AgreementDto: {
            /** @description Franchise: WeChat’s channel fee on the franchisee’s sessions is passed on to it (false: borne by the merchant of record). Null for a reseller agreement. */
            channelFeePassedOn: boolean | null;
            /** @enum {string|null} */
            collection: "BRAND_COLLECTS" | "FRANCHISEE_COLLECTS" | null;
            commissionBasisPoints: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /** @example 2026-12-01 */
            effectiveFrom: string;
            fixedFeePerDeviceMonthFen: number | null;
            fixedMonthFen: number | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "FRANCHISE" | "RESELLER";
            maxProfitSharingRatioBasisPoints: number | null;
            minimumMonthFen: number | null;
            note: string | null;
            /**
             * Format: uuid
             * @description The franchisee or customer.
             */
            organizationId: string;
            /**
             * Format: uuid
             * @description The franchise brand or hardware reseller.
             */
            parentOrganizationId: string;
            /** @enum {string} */
            period: "DAILY" | "WEEKLY" | "MONTHLY";
            platformFeePerActiveDeviceMonthFen: number | null;
            /** @description Versions count from 1 per organisation; each PUT adds one. */
            version: number;
        };
        AgreementHistoryDto: {
            /** @description Every version, newest first. */
            items: components["schemas"]["AgreementDto"][];
        };
        AgreementsInForceDto: {
            /** @description The version in force on the day for each child that has one, by organisation. */
            items: components["schemas"]["AgreementDto"][];
        };
        AlertDto: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            /**
             * @description FLEET: device health (a hardware reseller sees its customers’); MONEY: orders and money.
             * @enum {string}
             */
            category: "FLEET" | "MONEY";
            /** @description What the rule saw (device code, order number, amounts in fen, times). */
            facts: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "DEVICE_OFFLINE" | "DEVICE_START_FAILURES" | "COLLECTION_FAILING" | "REFUND_STUCK" | "RECONCILIATION_DIFFERENCE" | "COMPLAINT_DEADLINE" | "COMPLAINT_RATE" | "PAYOUT_FAILED" | "FRIDGE_LOW_STOCK" | "POWERBANK_FLAGGED";
            /**
             * Format: uuid
             * @description The organisation the subject belongs to.
             */
            organizationId: string;
            organizationName: string;
            /** Format: date-time */
            raisedAt: string;
            /** @description Whether the calling login has read it. */
            read: boolean;
            /** Format: date-time */
            resolvedAt: string | null;
            /** @enum {string} */
            severity: "INFO" | "WARNING" | "CRITICAL";
            /** @enum {string} */
            state: "OPEN" | "ACKNOWLEDGED" | "RESOLVED";
            subjectId: string;
            /**
             * @description `device`, `session`, `refund`, `reconciliation`, `complaint`, `payout`, `merchant-account`.
             * @example device
             */
            subjectType: string;
        };
        AlertPageDto: {
            /** @description Newest first. */
            items: components["schemas"]["AlertDto"][];
            /** @description How many alerts match the filters. */
            total: number;
        };
        AlertRuleChangeDto: {
            /** @description Required unless `reset`. */
            enabled?: boolean;
            /** @enum {string} */
            kind: "DEVICE_OFFLINE" | "DEVICE_START_FAILURES" | "COLLECTION_FAILING" | "REFUND_STUCK" | "RECONCILIATION_DIFFERENCE" | "COMPLAINT_DEADLINE" | "COMPLAINT_RATE" | "PAYOUT_FAILED" | "FRIDGE_LOW_STOCK" | "POWERBANK_FLAGGED";
            /** @description Drop this organisation’s own rule: the brand’s (for a franchisee) or the default applies again. */
            reset?: boolean;
            /** @description In the rule’s unit, within its min and max; omitted: unchanged. */
            threshold?: number | null;
        };
        AlertRuleDto: {
            /** @enum {string} */
            category: "FLEET" | "MONEY";
            defaultThreshold: number | null;
            enabled: boolean;
            /** @description true: checked by the periodic evaluation from stored data; false: raised by the module that sees the event (reconciliation, complaints, settlement). */
            evaluated: boolean;
            /** @enum {string} */
            kind: "DEVICE_OFFLINE" | "DEVICE_START_FAILURES" | "COLLECTION_FAILING" | "REFUND_STUCK" | "RECONCILIATION_DIFFERENCE" | "COMPLAINT_DEADLINE" | "COMPLAINT_RATE" | "PAYOUT_FAILED" | "FRIDGE_LOW_STOCK" | "POWERBANK_FLAGGED";
            max: number | null;
            min: number | null;
            /**
             * @description OWN: set by this organisation; BRAND: a franchisee follows its brand’s rule; DEFAULT: nobody set it.
             * @enum {string}
             */
            source: "OWN" | "BRAND" | "DEFAULT";
            /** @description The parameter, in `unit`; null for rules without one. */
            threshold: number | null;
            /** @enum {string|null} */
            unit: "MINUTES" | "HOURS" | "DAYS" | "COUNT" | "PERCENT" | null;
        };
        AlertRulesDto: {
            /** Format: uuid */
            organizationId: string;
            rules: components["schemas"]["AlertRuleDto"][];
        };
        AmountRangeDto: {
            /** @description Paid sessions in the range. */
            count: number;
            /** @description Whole percent; the four add up to 100 (largest remainder, ties to the lower range). */
            percent: number;
            /**
             * @description 0-10: ≤ 10 元; 10-50: > 10 and ≤ 50 元; 50-99: > 50 and ≤ 99 元; 99+: above 99 元.
             * @enum {string}
             */
            range: "0-10" | "10-50" | "50-99" | "99+";
        };
        ApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The login that created it (the key acts with its role).
             */
            createdBy: string;
            /** @description The key’s last 4 characters. */
            hint: string;
            /** Format: uuid */
            id: string;
            /** @description Only in the answer that created the key: `zk_live_<id>_<secret>`. Shown once; only its SHA-256 is stored. */
            key?: string;
            /**
             * Format: date-time
             * @description Stamped at most once a minute.
             */
            lastUsedAt: string | null;
            name: string;
            /**
             * @description The key’s visible start (it names the key).
             * @example zk_live_0b7c…
             */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
            scopes: string[];
        };
        ApiKeyListDto: {
            items: components["schemas"]["ApiKeyDto"][];
        };
        ApplicationPackDto: {
            /** @description 金额分布: the four ranges, always present. */
            amountDistribution: components["schemas"]["AmountRangeDto"][];
            /** @description The attachments checklist. */
            attachments: components["schemas"]["PackAttachmentDto"][];
            /** @description 笔单金额 in fen: paid total ÷ sessions, rounded half up (before refunds). */
            averageTicketFen: number;
            /** @description 清晰计费规则: one line per distinct plan in use on the account’s devices, by describePlan. */
            billingRules: string[];
            /** @description 业务简介, from the scenarios of the account’s Pay Score services. */
            businessSummary: string;
            /** @description Sites and devices per city. */
            cities: components["schemas"]["PackCityDto"][];
            /** @description 当前日均笔数: sessions ÷ days, one decimal. */
            dailyOrders: number;
            /** @description The window in Asia/Shanghai calendar days, ending today. */
            days: number;
            /** @description 期望接入渠道 */
            expectedChannel: string;
            /** @description 预计日均笔数 entered by the operator. */
            expectedDailyOrders: number | null;
            /** @example 2026-11-07 */
            from: string;
            /** @description 商户号 */
            mchid: string;
            merchantAccountId: string;
            /**
             * @description 运营方式
             * @enum {string}
             */
            operatingModel: "纯自营" | "加盟" | "硬件售卖";
            /**
             * Format: uuid
             * @description The account’s organisation (whose legal name is 主体名称).
             */
            organizationId: string;
            /** @description Paid sessions (> 0 fen) in the window. */
            sessions: number;
            /** @description 业务覆盖线下场景 */
            sites: components["schemas"]["PackSiteDto"][];
            /** @description 主体名称: the legal name of the account’s organisation, or its display name while no legal name is entered (see subjectNameSource). */
            subjectName: string;
            /** @description Shown beside 主体名称 when it is the display name: enter the legal name (组织与用户 → 编辑) before sending the pack. */
            subjectNameNote: string | null;
            /**
             * @description Where subjectName comes from: the organisation’s legal name, or (none entered yet) its display name.
             * @enum {string}
             */
            subjectNameSource: "LEGAL_NAME" | "DISPLAY_NAME";
            /** @description 系统软件 */
            systemSoftware: string;
            /** @example 2026-12-06 */
            to: string;
            /** @description Warnings: sessions above 99 元 (the common Pay Score ceiling). */
            warnings: string[];
        };
        ApplicationPackSettingsDto: {
            /** @example 小程序 */
            expectedChannel: string;
            expectedDailyOrders: number | null;
            /** @example zizhu (开源) */
            systemSoftware: string;
        };
        AssigneeDto: {
            displayName: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            role: string;
        };
        AttemptDto: {
            durationMs: number;
            error: string | null;
            /** @description Sent by a replay from the console. */
            replay: boolean;
            /** Format: date-time */
            startedAt: string;
            status: number | null;
        };
        AuditEntryDto: {
            /** @example organization.rename */
            action: string;
            /**
             * Format: uuid
             * @description The API key the action was made with (actorUserId is its creator); null for a login.
             */
            actorApiKeyId: string | null;
            /** Format: uuid */
            actorUserId: string | null;
            after: Record<string, never> | null;
            before: Record<string, never> | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /**
             * Format: uuid
             * @description The organisation that acted.
             */
            organizationId: string;
            requestId: string | null;
            resourceId: string | null;
            /** @example organization */
            resourceType: string;
            /**
             * Format: uuid
             * @description The organisation acted upon, when another.
             */
            subjectOrganizationId: string | null;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        BindPayscoreServiceDto: {
            /**
             * @description A service id of the device’s merchant of record (a franchisee: its brand’s).
             * @example 2002000000000558128851361561536
             */
            serviceId: string;
        };
        BrandingDto: {
            /** @description What its devices’ pages show: own value, else the franchise brand’s (franchisees), else the environment’s, else the built-in default. */
            effective: components["schemas"]["EffectiveBrandingDto"];
            /** Format: uuid */
            organizationId: string;
            /** @description What this organisation set itself (null: not set, inherited). */
            own: components["schemas"]["BrandingValuesDto"];
            /** @description A device of this organisation whose page `/d/<code>` shows the branding (null: none). */
            previewDeviceCode: string | null;
            /** @description Where each effective value comes from. */
            sources: components["schemas"]["BrandingSourcesDto"];
            /**
             * Format: date-time
             * @description When the own branding was last set (null: never).
             */
            updatedAt: string | null;
        };
        BrandingSourcesDto: {
            /** @enum {string} */
            brandName: "OWN" | "BRAND" | "ENVIRONMENT" | "DEFAULT";
            /** @enum {string} */
            color: "OWN" | "BRAND" | "ENVIRONMENT" | "DEFAULT";
            /** @enum {string} */
            otherPaymentUrl: "OWN" | "BRAND" | "ENVIRONMENT" | "DEFAULT";
            /** @enum {string} */
            servicePhone: "OWN" | "BRAND" | "ENVIRONMENT" | "DEFAULT";
        };
        BrandingValuesDto: {
            brandName: string | null;
            color: string | null;
            otherPaymentUrl: string | null;
            servicePhone: string | null;
        };
        BusinessViewDto: {
            /** @example wxpayScoreUse */
            businessType: string;
            /** @description Pass to wx.openBusinessView as extraData (package + APIv2 signature). */
            extraData: {
                [key: string]: unknown;
            };
        };
        CatalogItemDto: {
            /** @example 可乐 330ml */
            name: string;
            /** @example 350 */
            priceFen: number;
            /** @example cola-330 */
            sku: string;
        };
        ClearPowerBankFlagDto: {
            /**
             * @description Why the flag is cleared (kept in the audit log).
             * @example 已联系用户，买断后归还的宝已回收入库
             */
            note: string;
        };
        CommandAckDto: {
            /** @description A power-bank cabinet’s ack of an EJECT: the id of the bank it ejected. */
            bankId?: string;
            detail?: string;
            /**
             * Format: date-time
             * @description Device time.
             */
            occurredAt: string;
            /**
             * @description For a session’s start command, SUCCEEDED means the service has begun.
             * @enum {string}
             */
            result: "SUCCEEDED" | "FAILED";
        };
        CommandAckResponseDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            state: "SUCCEEDED" | "FAILED";
        };
        CommandDto: {
            ackDetail: string | null;
            /** @description The device’s acknowledgement, kept even when it came after expiry. */
            ackResult: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: uuid */
            deviceId: string;
            /** Format: date-time */
            expiredAt: string | null;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            failedAt: string | null;
            /** Format: uuid */
            id: string;
            params: {
                [key: string]: unknown;
            };
            sessionId: string | null;
            /** @enum {string} */
            state: "QUEUED" | "DELIVERED" | "SUCCEEDED" | "FAILED" | "EXPIRED";
            /** Format: date-time */
            succeededAt: string | null;
            /** @enum {string} */
            type: "UNLOCK" | "EJECT" | "START_CHARGING" | "STOP_CHARGING" | "OPEN_VALVE" | "CLOSE_VALVE" | "REBOOT";
        };
        CommandListDto: {
            /** @description Newest first. */
            items: components["schemas"]["CommandDto"][];
            total: number;
        };
        CommandsResponseDto: {
            commands: components["schemas"]["DeviceCommandWireDto"][];
        };
        ComplaintActionDto: {
            /** Format: date-time */
            createdAt: string;
            error: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "REPLY" | "COMPLETE" | "REFUND_PROGRESS" | "REFUND";
            payload: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            state: "PENDING" | "SUCCEEDED" | "FAILED";
        };
        ComplaintDetailDto: {
            actions: components["schemas"]["ComplaintActionDto"][];
            applyRefundFen: number | null;
            /** @description WeChat’s complaint_id. */
            complaintId: string;
            /** Format: date-time */
            complaintTime: string;
            /**
             * Format: date-time
             * @description Complete before (complaintTime + 72 h by default).
             */
            completeDueAt: string;
            detail: string;
            /** @description Whether WeChat sent an (encrypted) payer phone; read it with GET …/payer-phone. */
            hasPayerPhone: boolean;
            /** @description WeChat’s negotiation history (协商历史), oldest first. */
            history: {
                [key: string]: unknown;
            }[];
            /** Format: uuid */
            id: string;
            incomingUserResponse: boolean;
            /** @description The complaint’s images (complaint_media_list of WeChat’s detail). */
            media: components["schemas"]["ComplaintMediaDto"][];
            /** Format: uuid */
            merchantAccountId: string;
            /** @description The complained order’s paid amount. */
            orderFen: number | null;
            /**
             * Format: uuid
             * @description The merchant of record that received it.
             */
            organizationId: string;
            outOrderNo: string | null;
            problemType: string | null;
            /** Format: date-time */
            processedAt: string | null;
            /** Format: date-time */
            repliedAt: string | null;
            /**
             * Format: date-time
             * @description Reply before (complaintTime + 24 h by default).
             */
            replyDueAt: string;
            /**
             * Format: uuid
             * @description The session complained about (null: the order matches no session).
             */
            sessionId: string | null;
            /** @enum {string} */
            state: "PENDING" | "PROCESSING" | "PROCESSED";
            transactionId: string | null;
        };
        ComplaintImageDto: {
            /** @description WeChat’s media_id of the uploaded image: pass it in a reply’s `images`. */
            mediaId: string;
        };
        ComplaintListDto: {
            items: components["schemas"]["ComplaintSummaryDto"][];
            total: number;
        };
        ComplaintMediaDto: {
            /** @enum {string} */
            mediaType: "USER_COMPLAINT_IMAGE" | "OPERATION_IMAGE";
            /** @description WeChat’s media URLs; open each with GET /v1/complaints/{id}/media?url=… (exactly as given). */
            urls: string[];
        };
        ComplaintNotificationStatusDto: {
            /**
             * Format: date-time
             * @description When the last attempt was made.
             */
            lastAttemptAt: string | null;
            /** @description Why the last attempt failed (WeChat’s code); null once one succeeded. */
            lastError: string | null;
            /**
             * Format: date-time
             * @description When it was last registered.
             */
            registeredAt: string | null;
            /**
             * @description `REGISTERED`: WeChat answered the URL below; `PENDING`: the registration job has not succeeded yet; `FAILED`: its last attempt failed (`lastError`), it is retried with back-off and by the periodic catch-up; `UNAVAILABLE`: it cannot work for this account (`unavailableReason`), nothing is tried.
             * @enum {string}
             */
            state: "REGISTERED" | "PENDING" | "FAILED" | "UNAVAILABLE";
            /**
             * @description `ACCOUNT_DISABLED`: a disabled account is not registered; `PLATFORM_KEYS_UNCONFIRMED`: WeChat’s answers cannot be verified until its credentials are saved again.
             * @enum {string|null}
             */
            unavailableReason: "ACCOUNT_DISABLED" | "PLATFORM_KEYS_UNCONFIRMED" | null;
            /** @description The URL WeChat answered at the last registration. */
            url: string | null;
        };
        ComplaintNotificationUrlDto: {
            mchid: string;
            url: string;
        };
        ComplaintRateDto: {
            /** @description `rate × 100 > thresholdPercent`, computed in the database exactly as the alert compares (false without paid orders). */
            aboveThreshold: boolean;
            /** @description Whether that COMPLAINT_RATE rule is switched on. */
            alertEnabled: boolean;
            complaints: number;
            formula: string;
            paidOrders: number;
            /** @description complaints ÷ paid orders over 30 days; null without paid orders. */
            rate: number | null;
            /**
             * @description The alert threshold in percent: the COMPLAINT_RATE alert rule in force for the account’s legal entity (its own rule, a franchisee’s brand’s, else the default) — the same row as the overview’s. Null only when the caller cannot see the account’s rate row.
             * @example 0.01
             */
            thresholdPercent: number | null;
        };
        ComplaintRateRowDto: {
            /** @description `rate × 100 > thresholdPercent`, computed in the database exactly as the alert compares (false without paid orders). */
            aboveThreshold: boolean;
            /** @description Whether that COMPLAINT_RATE rule is switched on (the alert fires per legal entity only when it is). */
            alertEnabled: boolean;
            /** @description Complaints received in the window. */
            complaints: number;
            /**
             * Format: uuid
             * @description The merchant account (byMerchantAccount) or the merchant-of-record organisation (byLegalEntity).
             */
            id: string;
            /** @description The mchid (merchant accounts only). */
            mchid: string | null;
            name: string;
            /**
             * Format: uuid
             * @description The legal entity: the merchant-of-record organisation (for a legal entity row, its own id).
             */
            organizationId: string;
            /** @description Orders paid (paidFen > 0) in the window. */
            paidOrders: number;
            /** @description complaints ÷ paidOrders (null without paid orders). */
            rate: number | null;
            /**
             * @description The threshold in percent this row is compared with: the COMPLAINT_RATE alert rule in force for the legal entity (its own rule, a franchisee’s brand’s, else the default 0.01) — the one the alert uses.
             * @example 0.01
             */
            thresholdPercent: number;
        };
        ComplaintRatesDto: {
            /** @description Per legal entity: the merchant-of-record organisation, over all its merchant accounts. */
            byLegalEntity: components["schemas"]["ComplaintRateRowDto"][];
            byMerchantAccount: components["schemas"]["ComplaintRateRowDto"][];
            /** @description How the rate is computed, in words. */
            formula: string;
            /** @example 30 */
            windowDays: number;
        };
        ComplaintRefundDto: {
            /** @description Amount to refund in fen (the session’s normal refund path; never more than was paid). */
            amountFen: number;
            /** @example 投诉退款 */
            reason: string;
        };
        ComplaintRefundProgressDto: {
            /** @enum {string} */
            action: "APPROVE" | "REJECT";
            /** @description APPROVE only: working days until the refund is launched (refused with REJECT). */
            launchRefundDay?: number;
            /** @description Required to REJECT. */
            rejectReason?: string;
            remark?: string;
        };
        ComplaintReplyDto: {
            /** @description The reply to the user (response_content). */
            content: string;
            /** @description media ids of images uploaded to WeChat for this merchant. */
            images?: string[];
        };
        ComplaintSummaryDto: {
            applyRefundFen: number | null;
            /** @description WeChat’s complaint_id. */
            complaintId: string;
            /** Format: date-time */
            complaintTime: string;
            /**
             * Format: date-time
             * @description Complete before (complaintTime + 72 h by default).
             */
            completeDueAt: string;
            detail: string;
            /** Format: uuid */
            id: string;
            incomingUserResponse: boolean;
            /** Format: uuid */
            merchantAccountId: string;
            /** @description The complained order’s paid amount. */
            orderFen: number | null;
            /**
             * Format: uuid
             * @description The merchant of record that received it.
             */
            organizationId: string;
            outOrderNo: string | null;
            problemType: string | null;
            /** Format: date-time */
            processedAt: string | null;
            /** Format: date-time */
            repliedAt: string | null;
            /**
             * Format: date-time
             * @description Reply before (complaintTime + 24 h by default).
             */
            replyDueAt: string;
            /**
             * Format: uuid
             * @description The session complained about (null: the order matches no session).
             */
            sessionId: string | null;
            /** @enum {string} */
            state: "PENDING" | "PROCESSING" | "PROCESSED";
        };
        ComplianceDeviceDto: {
            code: string;
            /** @description False when the device does not fit the service’s scenario (scans are refused). */
            fits: boolean;
            /** Format: uuid */
            id: string;
            /** @description The scenario the device’s type needs. */
            scenario: string;
            type: string;
        };
        ComplianceDto: {
            complaintRate: components["schemas"]["ComplaintRateDto"];
            merchantAccountId: string;
            services: components["schemas"]["ComplianceServiceDto"][];
        };
        ComplianceServiceDto: {
            /** @description The unrevoked devices that charge through this service: those bound to it, and for a franchisee that collects itself (issue 12) its own devices of this scenario, whatever they are bound to. */
            devices: components["schemas"]["ComplianceDeviceDto"][];
            disabledAt: string | null;
            /** @enum {string} */
            mode: "DEPOSIT_WAIVED" | "USE_FIRST";
            name: string;
            /** @description Scans refused by the scenario guard in the last 30 days, newest first (at most 100). */
            refusals: components["schemas"]["ScenarioRefusalDto"][];
            riskCapFen: number;
            /** @enum {string} */
            scenario: "VENDING" | "POWERBANK_RENTAL" | "EV_CHARGING" | "WATER";
            /** @description True when all its devices fit its scenario (a service never mixes scenarios). */
            scenariosUnmixed: boolean;
            serviceId: string;
        };
        ConsumerLoginDto: {
            /**
             * @description The mini-program appid
             * @example wxd0000000000demo
             */
            appid: string;
            /**
             * @description The code from wx.login (with the simulator: test:<openid>)
             * @example test:o_alice
             */
            code: string;
            /**
             * @description `snsapi_base`: the code is from the official-account web authorisation (a browser: the reference pages), exchanged with /sns/oauth2/access_token; the appid is then the official account’s.
             * @default wx.login
             * @enum {string}
             */
            grant: "wx.login" | "snsapi_base";
        };
        ConsumerMeDto: {
            /** @example wxd0000000000demo */
            appid: string;
            /** @example o_alice */
            openid: string;
        };
        ConsumerSessionDto: {
            /** @description Which of the session’s Pay Score orders is current (1, 2, …). */
            attempt: number;
            /** @description Present while the order awaits the user’s confirmation. */
            businessView: components["schemas"]["BusinessViewDto"] | null;
            cancelReason?: string;
            connector: number | null;
            /** Format: date-time */
            createdAt: string;
            deviceCode: string;
            /** Format: date-time */
            endedAt: string | null;
            lines?: {
                [key: string]: unknown;
            }[];
            /** @description The current Pay Score order’s number (a scan repeated before confirming gets a new order, and a new number). */
            outOrderNo: string;
            paidFen?: number;
            refundedFen?: number;
            /** @description The most this session can cost (the Pay Score risk fund). */
            riskFundFen: number;
            /** @description In use: what the session would cost if it ended now (see the operator’s runningFen). */
            runningFen?: number;
            /** Format: uuid */
            sessionId: string;
            slot: number | null;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            state: "AWAITING_CONFIRMATION" | "STARTING" | "IN_USE" | "AWAITING_PAYMENT" | "PAID" | "CANCELLED";
            totalFen?: number;
        };
        ConsumerTokenDto: {
            /** @description Bearer token for the /v1/consumer routes (never accepted on operator routes) */
            consumerToken: string;
            /**
             * @description Seconds until the consumer token expires
             * @example 7200
             */
            expiresIn: number;
            /** @example o_alice */
            openid: string;
        };
        CountLineDto: {
            /** @description The book before the count. */
            booked: number;
            counted: number;
            /** @description counted − booked. */
            difference: number;
            sku: string;
        };
        CountLineInputDto: {
            /** @description What the operator counted in the fridge. */
            counted: number;
            /** @example cola-330 */
            sku: string;
        };
        CreateAcceptanceRunDto: {
            /**
             * Format: uuid
             * @description A device that charges through that service id (bound to it; for a franchisee that collects itself, its own device of that scenario) whose type fits its scenario.
             */
            deviceId: string;
            /**
             * @description An enabled Pay Score service id of this account.
             * @example 00002000000000000000000000000001
             */
            serviceId: string;
        };
        CreateAdjustmentDto: {
            /**
             * @description Signed integer fen, never 0: positive is in the organisation’s favour (its brand or reseller owes it more), negative is owed by it.
             * @example 1250
             */
            amountFen: number;
            /**
             * @description Asia/Shanghai calendar day (default today, not in the future): the adjustment lands on the statement whose period holds it, which must still be OPEN.
             * @example 2026-12-05
             */
            effectiveDate?: string;
            /**
             * @description Why: shown as the statement line’s description.
             * @example 11 月冰柜维修费由品牌承担
             */
            reason: string;
        };
        CreateApiKeyDto: {
            /**
             * @description What the key is for (1–100 characters).
             * @example ERP sync
             */
            name: string;
            /**
             * @description Permission codes the key may use: at most the creator’s own (`GET /v1/api-keys/scopes`), never integrations.manage, users.write or organizations.create.
             * @example [
             *       "devices.read",
             *       "sessions.read"
             *     ]
             */
            scopes: ("organizations.read" | "organizations.create" | "organizations.write" | "users.read" | "users.write" | "audit.read" | "sites.read" | "sites.write" | "devices.read" | "devices.write" | "devices.transfer" | "plans.read" | "plans.write" | "sessions.read" | "sessions.act" | "complaints.read" | "complaints.act" | "money.read" | "merchantAccounts.read" | "merchantAccounts.write" | "reconciliations.read" | "reconciliations.write" | "alerts.read" | "alerts.write" | "settlement.read" | "settlement.write" | "profitSharing.write" | "onboarding.read" | "onboarding.write" | "support.search" | "stock.read" | "stock.write" | "integrations.manage" | "maintenance.read" | "maintenance.write")[];
        };
        CreateEndpointDto: {
            description?: string;
            /** @default true */
            enabled: boolean;
            events: ("session.paid" | "session.cancelled" | "refund.succeeded" | "device.offline" | "device.online" | "complaint.created")[];
            /**
             * @description http(s); in production not a loopback or private address.
             * @example https://erp.example.com/zizhu/events
             */
            url: string;
        };
        CreateMerchantAccountDto: {
            /** @description The APIv2 key (32 characters), for the mini-program jump signature. Write-only. */
            apiV2Key: string;
            /** @description The APIv3 key (32 characters). Write-only. */
            apiV3Key: string;
            /**
             * @description Mini-program / app ids bound to the mchid.
             * @example [
             *       "wxd678efh567hg6787"
             *     ]
             */
            appids: string[];
            /** @description Mini-program secrets by appid (for the consumer login). Write-only. */
            appSecrets?: {
                [key: string]: string;
            };
            /**
             * @description WeChat Pay merchant id.
             * @example 1230000109
             */
            mchid: string;
            /** @example 小电共享充电宝 */
            name: string;
            /** @description Platform certificates (certificate mode). */
            platformCertificates?: components["schemas"]["PlatformCertificateDto"][];
            /**
             * @description WeChat Pay public key id (public-key mode).
             * @example PUB_KEY_ID_0112345678901234567890123456789012
             */
            platformPublicKeyId?: string;
            /** @description WeChat Pay public key (PEM), with platformPublicKeyId. */
            platformPublicKeyPem?: string;
            /** @description The merchant API private key (apiclient_key.pem). Write-only: never returned. */
            privateKeyPem: string;
            /**
             * @description Serial number of the merchant API certificate.
             * @example 5157F09EFDC096DE15EBE81A47057A7232F1B8E1
             */
            serialNo: string;
        };
        CreateOrganizationDto: {
            /**
             * @description Platform admins create operators; franchise brands create franchisees; hardware resellers create customers.
             * @enum {string}
             */
            kind: "OPERATOR" | "FRANCHISEE" | "CUSTOMER";
            /** @example 杭州西湖加盟店 */
            name: string;
            /**
             * @description Required for an operator.
             * @enum {string}
             */
            operatingModel?: "SELF_RUN" | "FRANCHISE" | "HARDWARE_SALE";
            /**
             * Format: uuid
             * @description The parent; defaults to your own organisation.
             */
            parentId?: string;
        };
        CreatePayoutDto: {
            /**
             * @description OFFLINE_BANK: the brand paid by bank and records it (final at once). WECHAT_TRANSFER: a WeChat merchant transfer (商家转账) from the brand’s merchant account to the franchisee’s payee openid, tracked to a final state by a job.
             * @enum {string}
             */
            method: "OFFLINE_BANK" | "WECHAT_TRANSFER";
            /**
             * @description The day the bank paid (Asia/Shanghai; default today).
             * @example 2026-12-05
             */
            paidOn?: string;
            /** @description The bank transfer’s reference (required for OFFLINE_BANK). */
            reference?: string;
            /**
             * Format: uuid
             * @description The CLOSED franchise statement to pay (its payableFen, in full).
             */
            statementId: string;
        };
        CreatePayscoreServiceDto: {
            /** @enum {string} */
            mode: "DEPOSIT_WAIVED" | "USE_FIRST";
            /** @example 充电宝免押租借 */
            name: string;
            /** @description The highest risk fund WeChat allows per order, in fen. */
            riskCapFen: number;
            /**
             * @description The scenario WeChat approved the service for; only devices of that vertical may use it.
             * @enum {string}
             */
            scenario: "VENDING" | "POWERBANK_RENTAL" | "EV_CHARGING" | "WATER";
            /**
             * @description WeChat’s Pay Score service id.
             * @example 2002000000000558128851361561536
             */
            serviceId: string;
        };
        CreatePlanDto: {
            /** @example 充电宝 3元/小时 */
            name: string;
            /**
             * Format: uuid
             * @description The organisation owning the plan (default: yours); a franchise brand may name one of its franchisees.
             */
            organizationId?: string;
            /** @description The pricing plan (contracts.md §3): version 1. */
            plan: {
                [key: string]: unknown;
            };
        };
        CreateReconciliationDto: {
            /**
             * @description The bill date (an Asia/Shanghai calendar day before today).
             * @example 2026-12-05
             */
            billDate: string;
            /**
             * Format: uuid
             * @description The merchant account whose bills to reconcile.
             */
            merchantAccountId: string;
        };
        CreateRestockDto: {
            lines: components["schemas"]["RestockLineInputDto"][];
            note?: string;
        };
        CreateSiteDto: {
            /** @example 浙江省杭州市上城区全福桥路2号 */
            address: string;
            /** @example 杭州 */
            city: string;
            /** @example 30.2906 */
            latitude?: number;
            /** @example 120.2133 */
            longitude?: number;
            /** @example 杭州东站 B1 */
            name: string;
            /**
             * Format: uuid
             * @description The organisation owning the site (default: yours); a franchise brand may name one of its franchisees. A reseller creates sites only for itself: its customers create their own.
             */
            organizationId?: string;
        };
        CreateStockCountDto: {
            lines: components["schemas"]["CountLineInputDto"][];
            note?: string;
        };
        CreateTicketDto: {
            /**
             * Format: uuid
             * @description A device alert to open the ticket from: the device is the alert’s, the title its kind unless given; one ticket per alert (a second call answers the first ticket, 200).
             */
            alertId?: string;
            /**
             * Format: uuid
             * @description A login of the device’s organisation or of the one directly above it.
             */
            assigneeId?: string;
            /** @example 用户反馈扫码后门锁无反应 */
            description?: string;
            /**
             * Format: uuid
             * @description The device at fault (or give `alertId`).
             */
            deviceId?: string;
            /**
             * @description 1–200 characters; required without `alertId`.
             * @example 柜门无法打开
             */
            title?: string;
        };
        CreateUserDto: {
            /** @example 值班员 张三 */
            displayName: string;
            /** @example staff@powerbank.demo */
            email?: string;
            /**
             * Format: uuid
             * @description The organisation the login belongs to; defaults to your own.
             */
            organizationId?: string;
            password: string;
            /** @example +8613800000000 */
            phone?: string;
            /** @enum {string} */
            role: "PLATFORM_ADMIN" | "OPERATOR_ADMIN" | "OPERATOR_STAFF" | "FRANCHISEE_ADMIN" | "CUSTOMER_ADMIN" | "TECHNICIAN";
        };
        DeliveryDto: {
            /** Format: uuid */
            alertId: string;
            alertKind: string | null;
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastAttemptAt: string | null;
            lastError: string | null;
            lastStatus: number | null;
            /** @enum {string} */
            state: "PENDING" | "DELIVERED" | "FAILED";
        };
        DeliveryPageDto: {
            /** @description Newest first. */
            items: components["schemas"]["DeliveryDto"][];
            total: number;
        };
        DeviceCommandWireDto: {
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            params: {
                [key: string]: unknown;
            };
            sessionId: string | null;
            /** @enum {string} */
            type: "UNLOCK" | "EJECT" | "START_CHARGING" | "STOP_CHARGING" | "OPEN_VALVE" | "CLOSE_VALVE" | "REBOOT";
        };
        DeviceDetailDto: {
            code: string;
            /** @description Newest first. */
            commands: components["schemas"]["CommandDto"][];
            connectors: number | null;
            /** Format: date-time */
            createdAt: string;
            /** @description In device-time order, newest first. */
            events: components["schemas"]["DeviceEventDto"][];
            firmware: string | null;
            heartbeatIntervalSeconds: number;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSeenAt: string | null;
            name: string | null;
            /** Format: date-time */
            offlineAt: string | null;
            online: boolean;
            /** @description Whether the caller operates the device (commands, secret, Pay Score binding, plan): false for a fleet it only watches (a hardware reseller’s customers’ devices). */
            operable: boolean;
            /** Format: uuid */
            organizationId: string;
            payscoreServiceId: string | null;
            plan: components["schemas"]["PlanRefDto"] | null;
            /** Format: uuid */
            planId: string | null;
            /**
             * @description What the device’s QR code encodes: `<PUBLIC_BASE_URL>/d/<code>` (contracts.md §4).
             * @example https://zizhu.example/d/FR-0001
             */
            qrUrl: string;
            /** Format: date-time */
            revokedAt: string | null;
            secretVersion: number;
            site: components["schemas"]["SiteDto"];
            /** Format: uuid */
            siteId: string;
            slots: number | null;
            /**
             * @description `ONLINE`: heard from within 3 heartbeat intervals (the offline sweep’s threshold, computed at read time) and its latest heartbeat reports no fault; `FAULTED`: heard from within 3 intervals but its latest heartbeat carries a `fault` (any value but null, false, 0, "", [] or {}); `OFFLINE`: not heard from for 3 intervals, never heard from, or its secret is revoked.
             * @enum {string}
             */
            status: "ONLINE" | "OFFLINE" | "FAULTED";
            telemetry: {
                [key: string]: unknown;
            } | null;
            /** @description Newest first. */
            telemetryHistory: components["schemas"]["TelemetrySampleDto"][];
            /** @description Commands and events together, newest first. */
            timeline: components["schemas"]["TimelineEntryDto"][];
            /** @enum {string} */
            type: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
        };
        DeviceDto: {
            code: string;
            connectors: number | null;
            /** Format: date-time */
            createdAt: string;
            firmware: string | null;
            heartbeatIntervalSeconds: number;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSeenAt: string | null;
            name: string | null;
            /** Format: date-time */
            offlineAt: string | null;
            online: boolean;
            /** Format: uuid */
            organizationId: string;
            payscoreServiceId: string | null;
            /** Format: uuid */
            planId: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            secretVersion: number;
            /** Format: uuid */
            siteId: string;
            slots: number | null;
            telemetry: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            type: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
        };
        DeviceEventDto: {
            /** @enum {string|null} */
            clockFlag: "DEVICE_CLOCK_SKEWED" | "OCCURRED_IN_FUTURE" | null;
            clockSkewSeconds: number | null;
            /** @description The device’s eventId (platform events: platform:…). */
            eventId: string;
            /**
             * Format: date-time
             * @description Device time.
             */
            occurredAt: string;
            /** @description Arrived after an event with a later device time. */
            outOfOrder: boolean;
            payload: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            receivedAt: string;
            sessionId: string | null;
            /** @enum {string} */
            source: "DEVICE" | "PLATFORM";
            type: string;
        };
        DeviceHealthDto: {
            /** @description Status FAULTED: heartbeating, but its latest heartbeat carries a `fault`. */
            faulted: number;
            /** @description Status OFFLINE: silent for 3 heartbeat intervals or never heard from. */
            offline: number;
            /** @description Status ONLINE, as the device list computes it (heard from within 3 heartbeat intervals, no fault). */
            online: number;
            /** @description Devices whose secret was revoked (not counted above). */
            revoked: number;
            /** @description Devices (not revoked) in total. */
            total: number;
        };
        DeviceInventoryDto: {
            banks: number;
            /** @description Banks charged enough to rent. */
            chargedBanks: number;
            /** @description The threshold: a bank at or above this charge is rentable. */
            chargedPercent: number;
            code: string;
            /** Format: uuid */
            deviceId: string;
            /** @description Slots with no bank (null: unknown). */
            freeSlots: number | null;
            /** @description Banks in the cabinet, and those rented from it still out. */
            powerBanks: components["schemas"]["PowerBankDto"][];
            /** @description Its heartbeats report its slots (`slots: [{slot, bankId, chargePercent}]`): only then is a rental refused when no bank is charged. */
            reported: boolean;
            slotCount: number | null;
            /** @description Occupied and free slots, by slot number. */
            slots: components["schemas"]["InventorySlotDto"][];
        };
        DeviceListDto: {
            items: components["schemas"]["DeviceListItemDto"][];
            total: number;
        };
        DeviceListItemDto: {
            code: string;
            connectors: number | null;
            /** Format: date-time */
            createdAt: string;
            firmware: string | null;
            heartbeatIntervalSeconds: number;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSeenAt: string | null;
            name: string | null;
            /** Format: date-time */
            offlineAt: string | null;
            online: boolean;
            /** Format: uuid */
            organizationId: string;
            payscoreServiceId: string | null;
            /** Format: uuid */
            planId: string | null;
            /** @description The pricing plan’s name; null without a plan, and for a fleet you watch but do not operate (a reseller’s customers). */
            planName: string | null;
            /**
             * @description What the device’s QR code encodes: `<PUBLIC_BASE_URL>/d/<code>` (contracts.md §4).
             * @example https://zizhu.example/d/FR-0001
             */
            qrUrl: string;
            /** Format: date-time */
            revokedAt: string | null;
            secretVersion: number;
            /** Format: uuid */
            siteId: string;
            siteName: string;
            slots: number | null;
            /**
             * @description `ONLINE`: heard from within 3 heartbeat intervals (the offline sweep’s threshold, computed at read time) and its latest heartbeat reports no fault; `FAULTED`: heard from within 3 intervals but its latest heartbeat carries a `fault` (any value but null, false, 0, "", [] or {}); `OFFLINE`: not heard from for 3 intervals, never heard from, or its secret is revoked.
             * @enum {string}
             */
            status: "ONLINE" | "OFFLINE" | "FAULTED";
            telemetry: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            type: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
        };
        DevicePayscoreBindingDto: {
            /** Format: uuid */
            deviceId: string;
            payscoreServiceId: string;
            /** @description The risk fund the device’s current plan asks for (its total cap), in fen. */
            riskFundFen: number | null;
            service: components["schemas"]["PayscoreServiceDto"];
        };
        DiscrepancyDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sessionId: string;
            /** @description How many the fridge reported sold beyond the book (charged as reported; the book floors at 0). */
            shortfall: number;
            sku: string;
        };
        EarningsByOrganizationDto: {
            /** @example 2026-12-01 */
            from: string;
            /** @description One entry per direct child (zeros included) and the organisation itself, by name; they sum to GET /v1/earnings. */
            items: components["schemas"]["OrganizationEarningsDto"][];
            /** Format: uuid */
            organizationId: string;
            /** @example 2026-12-31 */
            to: string;
        };
        EarningsDto: {
            /** @description Σ ⌊order net × basis points ÷ 10000⌋ per order, under the agreement in force for the session’s organisation when it started (0 where none). */
            commissionFen: number;
            /** @example 2026-12-01 */
            from: string;
            /** @description `paidFen − refundedFen`. */
            netFen: number;
            /** Format: uuid */
            organizationId: string;
            /** @description What they paid, in fen. */
            paidFen: number;
            /** @description Their successful refunds so far, in fen. */
            refundedFen: number;
            /** @description Sessions charged more than 0 fen whose payment was recorded in the range. */
            sessions: number;
            /** @description `netFen − commissionFen`. */
            shareFen: number;
            /** @example 2026-12-31 */
            to: string;
        };
        EffectiveBrandingDto: {
            brandName: string;
            /** @example #07C160 */
            color: string;
            otherPaymentUrl: string | null;
            servicePhone: string | null;
        };
        EndpointDto: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            enabled: boolean;
            events: ("session.paid" | "session.cancelled" | "refund.succeeded" | "device.offline" | "device.online" | "complaint.created")[];
            /** Format: uuid */
            id: string;
            /** @description Only in the answer that created the endpoint or rotated its secret: shown once, stored encrypted. */
            secret?: string;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        EndpointListDto: {
            items: components["schemas"]["EndpointDto"][];
        };
        EndSessionDto: {
            /**
             * Format: date-time
             * @description When the service really ended (e.g. when the power bank was returned).
             */
            endedAt: string;
            /** @example 用户已归还，柜机漏报 */
            reason: string;
            /** @description Usage without times (contracts.md §3): items, energy or volumeMillilitres. */
            usage?: {
                [key: string]: unknown;
            };
        };
        EventResponseDto: {
            /** @description true: this eventId was already recorded; nothing changed. */
            duplicate: boolean;
            eventId: string;
        };
        EvidenceDto: {
            /** @example video/mp4 */
            contentType?: string;
            /**
             * @description The day it was made or sent (YYYY-MM-DD).
             * @example 2026-12-06
             */
            date?: string;
            /**
             * Format: uuid
             * @description An evidence file of this account with purpose step:<this step> (else 422 naming evidence.fileId); its name, type and size are shown from the file.
             */
            fileId?: string;
            /**
             * @description The file’s name as kept by the operator (optional with fileId: the stored file’s name).
             * @example 验收录屏.mp4
             */
            fileName: string;
            note?: string;
            /** @description With fileId: the stored file’s SHA-256 (read only; ignored on PUT). */
            sha256?: string;
            /** @description Size in bytes (≤ 10 MiB). */
            sizeBytes?: number;
        };
        EvidenceFileDto: {
            /** @enum {string} */
            contentType: "image/png" | "image/jpeg" | "image/webp" | "image/gif" | "video/mp4" | "video/quicktime" | "video/webm" | "application/pdf" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" | "text/plain";
            /** Format: uuid */
            id: string;
            /** @example 验证截图.png */
            name: string;
            /**
             * @description `step:<1.1|1.2|1.3|1.4|2.1|2.2|2.3>` or `acceptance:<runId>:<checklist item key>`
             * @example step:1.3
             */
            purpose: string;
            /** @description SHA-256 of the bytes, lower-case hex. */
            sha256: string;
            /** @description Size in bytes (1 to 10 MiB). */
            size: number;
            /** Format: date-time */
            uploadedAt: string;
            /**
             * Format: uuid
             * @description The user who uploaded it.
             */
            uploadedBy: string | null;
        };
        EvidenceListDto: {
            /** @description Metadata only, oldest first. */
            items: components["schemas"]["EvidenceFileDto"][];
        };
        HealthDto: Record<string, never>;
        HeartbeatResponseDto: {
            heartbeatIntervalSeconds: number;
            /**
             * Format: date-time
             * @description Server time: a device may correct its clock by it.
             */
            serverTime: string;
        };
        ImportDevicesDto: {
            /**
             * @description Header row then one device per row: code,type,siteId[,name,slots,connectors,heartbeatIntervalSeconds,payscoreServiceId]
             * @example code,type,siteId,slots
             *     PB-0100,POWERBANK_CABINET,00000000-0000-4000-8000-000000000000,8
             */
            csv: string;
            /** @description A pricing plan for every imported device (one plan per organisation). */
            plan?: {
                [key: string]: unknown;
            };
        };
        ImportedDevicesDto: {
            devices: components["schemas"]["ProvisionedDeviceDto"][];
        };
        ImportPreviewDto: {
            /** @description Every problem, in file order (the 422 of a real import lists the same). */
            errors: components["schemas"]["ImportRowErrorDto"][];
            rows: components["schemas"]["ImportPreviewRowDto"][];
            /** @description True when every row is valid: the same CSV imports. */
            valid: boolean;
        };
        ImportPreviewRowDto: {
            code: string;
            /** @description Empty when the row would be imported. */
            errors: components["schemas"]["ImportRowErrorDto"][];
            name: string | null;
            /**
             * Format: uuid
             * @description The organisation the device would belong to (the site’s).
             */
            organizationId: string | null;
            /** @description The line of the CSV (the header is line 1). */
            row: number;
            siteId: string;
            /** @description The site, when it is one you operate. */
            siteName: string | null;
            type: string;
        };
        ImportRowErrorDto: {
            /**
             * @description The error code the same problem answers on its own route (the Pay Score service checks: that of `POST /v1/devices/{id}/payscore-service`).
             * @example PAYSCORE_SCENARIO_MISMATCH
             */
            code?: string;
            /**
             * @description The column (or `header`, `csv`).
             * @example siteId
             */
            field: string;
            message: string;
            /** @description The line of the CSV (the header is line 1). */
            row: number;
        };
        InventorySlotDto: {
            /** @description The bank in it (null: free). */
            bankId: string | null;
            /** @description Charged enough to rent (≥ chargedPercent, or no charge reported). */
            charged: boolean;
            chargePercent: number | null;
            slot: number;
        };
        LedgerBalanceDto: {
            /** @example DUE_FROM_MERCHANT */
            account: string;
            /** @description Debits − credits so far, in fen (DUE_FROM_MERCHANT: what the merchant of record still holds for the organisation). */
            balanceFen: number;
            /**
             * Format: uuid
             * @description With whom (the brand a franchisee is owed by, the franchisee a brand owes).
             */
            counterpartyOrganizationId: string | null;
            entries: number;
            /** Format: uuid */
            organizationId: string;
        };
        LedgerBalancesDto: {
            items: components["schemas"]["LedgerBalanceDto"][];
        };
        LedgerCheckDto: {
            /** @description Accounts compared. */
            accounts: number;
            /** @description Accounts whose stored balance differs from the sum of their entries (empty: sound). */
            mismatches: components["schemas"]["LedgerMismatchDto"][];
            /** @description Postings whose debits and credits differ, as source_kind:source_id (empty: sound). */
            unbalancedPostings: string[];
        };
        LedgerEntryDto: {
            account: string;
            /** Format: uuid */
            counterpartyOrganizationId: string | null;
            creditFen: number;
            debitFen: number;
            /** @example 2026-12-05 */
            effectiveDate: string;
            id: number;
            /** @enum {string} */
            kind: "SALE" | "REFUND" | "COMMISSION" | "FIXED_FEE" | "MINIMUM_TOP_UP" | "RESELLER_FEE" | "ADJUSTMENT" | "SPLIT" | "SPLIT_RETURN" | "TRANSFER" | "PAYOUT" | "CHANNEL_FEE" | "SETTLEMENT";
            /** Format: uuid */
            organizationId: string;
            /** Format: date-time */
            postedAt: string;
            /** Format: uuid */
            postingId: string;
            /** Format: uuid */
            sessionId: string | null;
            sourceId: string;
            /** @enum {string} */
            sourceKind: "SESSION_PAID" | "REFUND" | "STATEMENT" | "ADJUSTMENT" | "SPLIT" | "SPLIT_RETURN" | "TRANSFER" | "PAYOUT" | "CHANNEL_FEE" | "SETTLEMENT";
        };
        LedgerEntryListDto: {
            items: components["schemas"]["LedgerEntryDto"][];
            total: number;
        };
        LedgerFiguresDto: {
            /** @description Manual adjustments in its favour (ADJUSTMENTS credits − debits; negative: in its franchisees’ or customers’ favour), fen. */
            adjustmentFen: number;
            /** @description WeChat’s channel fee (手续费) it bore as merchant of record (FEE_EXPENSE of kind CHANNEL_FEE: the days’ fees of its merchant accounts less the shares passed on to franchisees), fen. */
            channelFeeFen: number;
            /** @description The shares of channel fee moved between it and its counterparties (FEE_EXPENSE of kind CHANNEL_FEE with a counterparty, credits − debits), fen: positive, passed on by it (a brand that collects, to its franchisees: its expense reduced by them); negative, passed on to it by its brand (a franchisee: counted in channelFeeFen). */
            channelFeePassedOnFen: number;
            /** @description Commission earned from its franchisees (COMMISSION_INCOME credits − debits: per order ⌊net × bp⌋, refunds giving it back, true-ups at close), fen. */
            commissionFen: number;
            /** @description Fixed fees, minimum top-ups and reseller fees earned (FEE_INCOME), fen. */
            feeIncomeFen: number;
            /** @example 2026-12-01 */
            from: string;
            /** Format: uuid */
            organizationId: string;
            /** @example 2026-12-31 */
            to: string;
        };
        LedgerMismatchDto: {
            account: string;
            /** Format: uuid */
            counterpartyTenantId: string | null;
            recomputedFen: number;
            storedFen: number | null;
            /** Format: uuid */
            tenantId: string;
        };
        LoginDto: {
            /**
             * @description Email or phone number
             * @example ops@powerbank.demo
             */
            login: string;
            /** @example zizhu-demo */
            password: string;
        };
        LowStockFridgeDto: {
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            deviceName: string | null;
            /** @description The SKUs below par. */
            lines: components["schemas"]["LowStockLineDto"][];
            /** @description SKUs below the low-stock share of par. */
            lowSkus: number;
            /** Format: uuid */
            organizationId: string;
            organizationName: string;
            siteName: string;
            /** @description Items to bring to fill every SKU to par. */
            toFill: number;
        };
        LowStockLineDto: {
            low: boolean;
            name: string;
            onHand: number;
            parLevel: number;
            sku: string;
            toFill: number;
        };
        LowStockListDto: {
            /** @description The fridges with a SKU below par, most to fill first. */
            items: components["schemas"]["LowStockFridgeDto"][];
        };
        MaintenanceSettingsDto: {
            /** @description The organisation’s own choice (a franchise brand’s choice also covers its franchisees’ devices). */
            autoTicketKinds: ("DEVICE_OFFLINE" | "DEVICE_START_FAILURES")[];
            /** @description The kinds that may be chosen. */
            available: ("DEVICE_OFFLINE" | "DEVICE_START_FAILURES")[];
        };
        MeDto: {
            /** @enum {string|null} */
            operatingModel: "SELF_RUN" | "FRANCHISE" | "HARDWARE_SALE" | null;
            /** Format: uuid */
            organizationId: string;
            /** @enum {string} */
            organizationKind: "PLATFORM" | "OPERATOR" | "FRANCHISEE" | "CUSTOMER";
            organizationName: string;
            /** @description What this login may do (default deny: a code not listed is not allowed), from its role and its organisation’s kind and operating model. The console’s menu and guards read it; the API enforces the same rules itself. */
            permissions: ("organizations.read" | "organizations.create" | "organizations.write" | "users.read" | "users.write" | "audit.read" | "sites.read" | "sites.write" | "devices.read" | "devices.write" | "devices.transfer" | "plans.read" | "plans.write" | "sessions.read" | "sessions.act" | "complaints.read" | "complaints.act" | "money.read" | "merchantAccounts.read" | "merchantAccounts.write" | "reconciliations.read" | "reconciliations.write" | "alerts.read" | "alerts.write" | "settlement.read" | "settlement.write" | "profitSharing.write" | "onboarding.read" | "onboarding.write" | "support.search" | "stock.read" | "stock.write" | "integrations.manage" | "maintenance.read" | "maintenance.write")[];
            user: components["schemas"]["UserDto"];
        };
        MerchantAccountDetailDto: {
            appids: string[];
            /** @description The registration of its complaint notification URL with WeChat (done by a job at creation; retried). */
            complaintNotification: components["schemas"]["ComplaintNotificationStatusDto"];
            /** Format: date-time */
            createdAt: string;
            /** @description Bumped each time the credentials are replaced. */
            credentialsVersion: number;
            /** Format: date-time */
            disabledAt: string | null;
            hasApiV2Key: boolean;
            hasApiV3Key: boolean;
            hasPrivateKey: boolean;
            /** Format: uuid */
            id: string;
            /** @description Id (not the key) of the master key wrapping this account’s data key. */
            masterKeyId: string;
            mchid: string;
            name: string;
            /**
             * Format: uuid
             * @description The merchant of record.
             */
            organizationId: string;
            /** @description Serials of the platform certificates configured. */
            platformCertificateSerials: string[];
            platformPublicKeyId: string | null;
            serialNo: string;
            services: components["schemas"]["PayscoreServiceDto"][];
            /**
             * @description `DISABLED` once disabled: its services charge nothing new.
             * @enum {string}
             */
            status: "ACTIVE" | "DISABLED";
            /** @description The WeChat transfer scene its franchisee payouts are sent under. */
            transferScene: components["schemas"]["TransferSceneViewDto"];
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description When a test call last accepted the credentials.
             */
            validatedAt: string | null;
            /**
             * @description The result of the last credentials check: `ACCEPTED` when a signed test call to WeChat Pay (or the simulator) accepted them at `validatedAt` — credentials it refuses are never stored —, `NOT_VALIDATED` when none was made (seeded accounts).
             * @enum {string}
             */
            validationResult: "ACCEPTED" | "NOT_VALIDATED";
        };
        MeterReadingDto: {
            /**
             * Format: date-time
             * @description When the device took it (its clock).
             */
            readAt: string;
            /** @description Valves: water since the valve opened. */
            volumeMillilitres?: number;
            /** @description Chargers: energy since the session started. */
            wattHours?: number;
        };
        ModifySessionDto: {
            /** @example 设备故障减免 */
            reason: string;
            /** @description The new, lower total in fen. */
            totalFen: number;
        };
        OnboardingDto: {
            merchantAccountId: string;
            /** @description What to do next (null when done or refused). */
            nextAction: components["schemas"]["OnboardingNextActionDto"] | null;
            notes: string[];
            /** @description Why this subject cannot apply for direct Pay Score; the tracker stops. */
            refused: string | null;
            steps: components["schemas"]["OnboardingStepDto"][];
            /** @enum {string|null} */
            subjectType: "ENTERPRISE" | "INSTITUTION" | "GOVERNMENT" | "OTHER_ORGANIZATION" | "INDIVIDUAL_BUSINESS" | "MICRO_MERCHANT" | "SERVICE_PROVIDER" | null;
        };
        OnboardingNextActionDto: {
            /** @enum {string} */
            step: "1.1" | "1.2" | "1.3" | "1.4" | "2.1" | "2.2" | "2.3";
            text: string;
        };
        OnboardingStepDto: {
            blockers: string[];
            /** @description What the platform checked itself. */
            checks: string[];
            evidence: components["schemas"]["EvidenceDto"][];
            /** @description 1.4: expected answer (7–10 working days after submittedOn); 2.3: the next review day (Tuesday or Thursday). */
            expected: Record<string, never> | null;
            /** @enum {string} */
            key: "1.1" | "1.2" | "1.3" | "1.4" | "2.1" | "2.2" | "2.3";
            /** @description What it needs. */
            needs: string[];
            note: string | null;
            /** @enum {string} */
            state: "TODO" | "IN_PROGRESS" | "SUBMITTED" | "DONE" | "BLOCKED";
            submittedOn: string | null;
            title: string;
            /** @description Who does it. */
            who: string;
        };
        OrderAttemptDto: {
            /** @description 1, 2, … in the order they were created. */
            attempt: number;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            note: string | null;
            /** Format: date-time */
            orderCreatedAt: string | null;
            /** @description WeChat’s order_id. */
            orderId: string | null;
            outOrderNo: string;
            /**
             * @description CURRENT: the session’s order; SUPERSEDED: replaced by a rescan, being cancelled at WeChat; REVOKED: replaced and cancelled; ABANDONED: never created (the order it was to replace had been confirmed).
             * @enum {string}
             */
            state: "CURRENT" | "SUPERSEDED" | "REVOKED" | "ABANDONED";
            /** Format: date-time */
            supersededAt: string | null;
        };
        OrganizationDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "PLATFORM" | "OPERATOR" | "FRANCHISEE" | "CUSTOMER";
            /** @description 主体名称 (the name on the business licence); null until entered. */
            legalName: string | null;
            name: string;
            /** @enum {string|null} */
            operatingModel: "SELF_RUN" | "FRANCHISE" | "HARDWARE_SALE" | null;
            /** Format: uuid */
            parentId: string | null;
        };
        OrganizationEarningsDto: {
            commissionFen: number;
            netFen: number;
            /**
             * Format: uuid
             * @description A direct child of the organisation asked about (with those under it), or that organisation itself for its own devices.
             */
            organizationId: string;
            organizationName: string;
            paidFen: number;
            refundedFen: number;
            sessions: number;
            shareFen: number;
        };
        OrganizationTreeNodeDto: {
            /** @description The organisations directly under this one that the caller may see. */
            children: components["schemas"]["OrganizationTreeNodeDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "PLATFORM" | "OPERATOR" | "FRANCHISEE" | "CUSTOMER";
            /** @description 主体名称 (the name on the business licence); null until entered. */
            legalName: string | null;
            name: string;
            /** @enum {string|null} */
            operatingModel: "SELF_RUN" | "FRANCHISE" | "HARDWARE_SALE" | null;
            /** Format: uuid */
            parentId: string | null;
            /** @description Logins of this organisation (disabled ones included); null when its logins are not yours to see (a hardware reseller’s customers). */
            userCount: number | null;
        };
        OverviewDto: {
            /** @description Complaint rate over a rolling 30 days (complaints ÷ paid orders) of the merchant accounts the caller may see, per account and per legal entity, each compared with the COMPLAINT_RATE alert rule’s threshold in force for its legal entity. Null for a hardware reseller. */
            complaintRates: components["schemas"]["ComplaintRatesDto"] | null;
            devices: components["schemas"]["DeviceHealthDto"];
            /** Format: date-time */
            generatedAt: string;
            /** @description Sessions flagged for an operator to look at (`anomaly` set). */
            openAnomalies: number | null;
            /**
             * Format: uuid
             * @description The organisation filter applied, if any.
             */
            organizationId: string | null;
            receivables: components["schemas"]["ReceivablesSummaryDto"] | null;
            revenue: components["schemas"]["RevenueDto"] | null;
            /**
             * @description `FLEET_ONLY` for a hardware reseller: its customers’ money and orders are not its own, so only `devices` is filled and the other sections are null.
             * @enum {string}
             */
            scope: "FULL" | "FLEET_ONLY";
            /** @description Open sessions at any age; PAID and CANCELLED over the last 30 days. */
            sessionsByState: components["schemas"]["SessionsByStateDto"] | null;
            /** @example Asia/Shanghai */
            timezone: string;
        };
        PackAttachmentDto: {
            /** @enum {string} */
            key: "interaction-flow" | "device-photos" | "business-licence" | "purchase-agreement" | "complaints-cleared" | "wechat-group";
            /** @description Where in the console to act on it (the complaints inbox). */
            link: string | null;
            /** @description What the attachment must show (for the licence: the scope rule per vertical). */
            rule: string;
            title: string;
            /** @description What the platform sees is not met yet (open complaints). */
            warning: string | null;
        };
        PackCityDto: {
            city: string;
            devices: number;
            sites: number;
        };
        PackSiteDto: {
            address: string;
            city: string;
            /** @description Devices at the site that charge through this account (revoked ones left out). */
            devices: number;
            /** @description The district read from the address (…区/县), when written. */
            district: string | null;
            /** @description The site’s name (the place). */
            place: string;
        };
        PayerPhoneDto: {
            /** @description The payer’s phone number, decrypted for this request only (audited). */
            payerPhone: string;
        };
        PayoutDto: {
            amountFen: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            failedAt: string | null;
            failure: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            method: "OFFLINE_BANK" | "WECHAT_TRANSFER";
            /**
             * Format: uuid
             * @description The payee (franchisee).
             */
            organizationId: string;
            /** @description WECHAT_TRANSFER: the out_bill_no sent to WeChat. */
            outBillNo: string | null;
            /** @description WECHAT_TRANSFER in WAIT_USER_CONFIRM: the `package` the franchisee confirms with (`wx.requestMerchantTransfer`). */
            packageInfo: string | null;
            /** @example 2026-12-05 */
            paidOn: string | null;
            /**
             * Format: uuid
             * @description The payer (its brand).
             */
            payerOrganizationId: string;
            /** @description Bank reference, or WeChat’s transfer bill number. */
            reference: string | null;
            /**
             * Format: uuid
             * @description The FAILED payout this one retries.
             */
            retryOf: string | null;
            /**
             * @description REQUESTED → PROCESSING → SUCCEEDED | FAILED; an offline bank payout is SUCCEEDED when recorded.
             * @enum {string}
             */
            state: "REQUESTED" | "PROCESSING" | "SUCCEEDED" | "FAILED";
            /** Format: uuid */
            statementId: string;
            /** Format: date-time */
            succeededAt: string | null;
            /**
             * @description WECHAT_TRANSFER: the transfer bill’s state at WeChat as last seen (WAIT_USER_CONFIRM: awaiting the franchisee’s confirmation in WeChat).
             * @enum {string|null}
             */
            wechatState: "ACCEPTED" | "PROCESSING" | "WAIT_USER_CONFIRM" | "TRANSFERING" | "SUCCESS" | "FAIL" | "CANCELING" | "CANCELLED" | null;
        };
        PayoutListDto: {
            items: components["schemas"]["PayoutDto"][];
            total: number;
        };
        PayoutPayeeDto: {
            appid: string;
            openid: string;
            /** Format: uuid */
            organizationId: string;
            /** @description Whether a real name is stored (it is never returned). */
            realNameSet: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        PayscoreServiceDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            disabledAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            merchantAccountId: string;
            /** @enum {string} */
            mode: "DEPOSIT_WAIVED" | "USE_FIRST";
            name: string;
            /**
             * Format: uuid
             * @description The merchant of record.
             */
            organizationId: string;
            riskCapFen: number;
            /** @enum {string} */
            scenario: "VENDING" | "POWERBANK_RENTAL" | "EV_CHARGING" | "WATER";
            serviceId: string;
        };
        PlanAuthorDto: {
            /** @description Null when the user is not one you may see. */
            displayName: string | null;
            /** Format: uuid */
            userId: string;
        };
        PlanDetailDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description The version devices use now. */
            currentVersion: number;
            /** @description Devices using the plan. */
            deviceCount: number;
            /** @description Devices using the plan, by code (the first 500; deviceCount counts all). */
            devices: components["schemas"]["PlanDeviceDto"][];
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            organizationId: string;
            /** @description The current version’s plan. */
            plan: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "RENTAL" | "ITEMS" | "ENERGY" | "VOLUME" | "MIXED";
            /**
             * Format: date-time
             * @description When the current version was published.
             */
            updatedAt: string;
            /** @description Every version, newest first. */
            versions: components["schemas"]["PlanVersionDto"][];
        };
        PlanDeviceDto: {
            code: string;
            /** Format: uuid */
            id: string;
            name: string | null;
            /** Format: uuid */
            siteId: string;
            /** @enum {string} */
            type: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
        };
        PlanListDto: {
            items: components["schemas"]["PlanSummaryDto"][];
            /** @description Every match, across pages. */
            total: number;
        };
        PlanogramDto: {
            /** Format: uuid */
            deviceId: string;
            slots: components["schemas"]["PlanogramSlotDto"][];
        };
        PlanogramSlotDto: {
            /**
             * @description How many this slot holds when full.
             * @example 8
             */
            parLevel: number;
            /** @example 1 */
            shelf: number;
            /**
             * @description A SKU of the catalog of the fridge’s pricing plan.
             * @example cola-330
             */
            sku: string;
            /** @example 1 */
            slot: number;
        };
        PlanRefDto: {
            /** Format: uuid */
            id: string;
            name: string;
            plan: {
                [key: string]: unknown;
            };
            version: number;
        };
        PlanRepricingDto: {
            /** @description Whether the plan differs from the current version at all. */
            changed: boolean;
            /** @description The version devices use now. */
            currentVersion: number;
            /** @description Devices that would be repriced (their new sessions; running ones keep their version). */
            deviceCount: number;
            /** @description Those devices by code (the first 500). */
            devices: components["schemas"]["PlanDeviceDto"][];
            /** @description The version saving would publish. */
            nextVersion: number;
            /** Format: uuid */
            planId: string;
        };
        PlanSummaryDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description The version devices use now. */
            currentVersion: number;
            /** @description Devices using the plan. */
            deviceCount: number;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            organizationId: string;
            /** @enum {string} */
            type: "RENTAL" | "ITEMS" | "ENERGY" | "VOLUME" | "MIXED";
            /**
             * Format: date-time
             * @description When the current version was published.
             */
            updatedAt: string;
        };
        PlanVersionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description Who published it (null for the demo seed and versions from before authors were kept). */
            createdBy: components["schemas"]["PlanAuthorDto"] | null;
            plan: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "RENTAL" | "ITEMS" | "ENERGY" | "VOLUME" | "MIXED";
            version: number;
        };
        PlatformCertificateDto: {
            /** @description The platform certificate (or its public key) as PEM. */
            pem: string;
            /** @description Serial number of the WeChat Pay platform certificate (hex). */
            serialNo: string;
        };
        PowerBankDto: {
            /** @description The id the cabinets report for this bank. */
            bankId: string;
            /** Format: date-time */
            boughtOutAt: string | null;
            /** @description Charge level as last reported, 0–100. */
            chargePercent: number | null;
            deviceCode: string | null;
            /**
             * Format: uuid
             * @description The cabinet it is in (null while rented).
             */
            deviceId: string | null;
            /**
             * @description For the operator: returned after its buyout, at another network’s cabinet, ejected while another open session rents it, or a return older than its eject.
             * @enum {string|null}
             */
            flag: "RETURNED_AFTER_BUYOUT" | "FOREIGN_RETURN" | "EJECT_CONFLICT" | "STALE_RETURN" | null;
            flagDetail: string | null;
            /** Format: date-time */
            flaggedAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lostAt: string | null;
            /**
             * Format: uuid
             * @description Its merchant network (the brand).
             */
            networkId: string;
            /**
             * Format: uuid
             * @description The organisation whose cabinet holds it (or it was rented from).
             */
            organizationId: string;
            /** Format: date-time */
            rentedAt: string | null;
            /** @description The cabinet it was last rented from. */
            rentedFromDeviceCode: string | null;
            /** Format: date-time */
            returnedAt: string | null;
            /**
             * Format: uuid
             * @description The session renting it (RENTED).
             */
            sessionId: string | null;
            slot: number | null;
            /** @enum {string} */
            state: "IN_SLOT" | "RENTED" | "LOST" | "BOUGHT_OUT";
            /** Format: date-time */
            updatedAt: string;
        };
        PowerBankListDto: {
            items: components["schemas"]["PowerBankDto"][];
            total: number;
        };
        PreviewPlanDto: {
            /** @description The plan that would become the next version. */
            plan: {
                [key: string]: unknown;
            };
        };
        /** @description RFC 9457 problem details with a stable machine-readable code. */
        Problem: {
            /** @example DEVICE_NOT_FOUND */
            code: string;
            /** @example No such device. */
            detail: string;
            /** @description Field errors (400 and some 422): every invalid field, by its path. */
            errors?: {
                /** @example slot */
                field: string;
                messages: string[];
            }[];
            requestId?: string;
            /** @example 404 */
            status: number;
            /** @example Not Found */
            title: string;
            /** @example https://zizhu.dev/problems/device-not-found */
            type: string;
        };
        ProfitSharingOrderDto: {
            /** @description ⌊netFen × commissionBasisPoints ÷ 10,000⌋ (COMMISSION_FLOOR_PER_ORDER); 0: only unfrozen. */
            amountFen: number;
            attempts: number;
            /**
             * Format: uuid
             * @description The brand receiving its commission.
             */
            brandOrganizationId: string;
            commissionBasisPoints: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            failedAt: string | null;
            /** @description Why it failed: SPLIT_REFUSED …, RECEIVER_FAILED …, SPLIT_WINDOW_EXPIRED …, BRAND_ACCOUNT_MISSING … */
            failure: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description The order’s net (paid − refunds before the split), fen. */
            netFen: number;
            /**
             * Format: uuid
             * @description The franchisee whose merchant account collected (the payer of the split).
             */
            organizationId: string;
            /** @description The split’s out_order_no (a retry uses a new one). */
            outOrderNo: string;
            /** Format: date-time */
            paidAt: string;
            /** @description The brand’s mchid (the MERCHANT_ID receiver). */
            receiverMchid: string | null;
            /** @description The receiver line’s result at WeChat (SUCCESS, CLOSED <fail_reason>). */
            receiverResult: string | null;
            retries: number;
            /** Format: uuid */
            sessionId: string;
            /**
             * @description PENDING → PROCESSING → FINISHED | FAILED.
             * @enum {string}
             */
            state: "PENDING" | "PROCESSING" | "FINISHED" | "FAILED";
            transactionId: string;
        };
        ProfitSharingOrderListDto: {
            items: components["schemas"]["ProfitSharingOrderDto"][];
            total: number;
        };
        ProvisionedDeviceDto: {
            device: components["schemas"]["DeviceDto"];
            /** @description The device secret. Shown this once; only an encrypted copy is kept. */
            secret: string;
        };
        PutAgreementDto: {
            /** @description Franchise, brand collects: whether WeChat’s channel fee (手续费, from the trade bill, known the next day) on the franchisee’s sessions is passed on to it — a CHANNEL_FEE line on its statement, per order as the bill has it (rounding CHANNEL_FEE_PER_ORDER_FROM_BILL). Default false: borne by the merchant of record (the brand). Not allowed with FRANCHISEE_COLLECTS (the franchisee is then the merchant of record and bears its own fee). */
            channelFeePassedOn?: boolean;
            /**
             * @description Franchise: who collects from end users (default BRAND_COLLECTS). FRANCHISEE_COLLECTS needs the franchisee’s own merchant account; the commission then arrives by profit sharing.
             * @enum {string}
             */
            collection?: "BRAND_COLLECTS" | "FRANCHISEE_COLLECTS";
            /**
             * @description Franchise: the brand’s commission, basis points of each order’s net (paid − refunded). 2000 = 20 %.
             * @example 2000
             */
            commissionBasisPoints?: number;
            /**
             * @description Asia/Shanghai calendar day the agreement is in force from; it replaces any version from that day on.
             * @example 2026-12-01
             */
            effectiveFrom: string;
            /** @description Franchise: a fixed fee per device the franchisee holds, per month, in fen. */
            fixedFeePerDeviceMonthFen?: number;
            /** @description Reseller: a fixed fee per month, in fen. */
            fixedMonthFen?: number;
            /** @description Franchise: the franchisee merchant account’s maximum profit-sharing ratio as set in WeChat’s merchant platform (default 3000 = 30 %). With FRANCHISEE_COLLECTS the commission may not exceed it. */
            maxProfitSharingRatioBasisPoints?: number;
            /** @description Franchise: the least the brand receives (commission + fixed fees) per month, in fen; the shortfall is a top-up line. */
            minimumMonthFen?: number;
            note?: string;
            /**
             * @description Statement period (default MONTHLY).
             * @enum {string}
             */
            period?: "DAILY" | "WEEKLY" | "MONTHLY";
            /** @description Reseller: the platform fee per active device (one that sent a heartbeat in the month) per month, in fen. */
            platformFeePerActiveDeviceMonthFen?: number;
        };
        PutApplicationPackSettingsDto: {
            /**
             * @description 期望接入渠道; null restores the default 小程序.
             * @example 小程序
             */
            expectedChannel?: Record<string, never> | null;
            /** @description 预计日均笔数, entered by the operator; null clears it. */
            expectedDailyOrders?: Record<string, never> | null;
            /**
             * @description 系统软件; null restores the default "zizhu (开源)".
             * @example zizhu (开源)
             */
            systemSoftware?: Record<string, never> | null;
        };
        PutBrandingDto: {
            /**
             * @description The name in the pages’ title bar (1–32 characters).
             * @example 小林自助
             */
            brandName?: string | null;
            /**
             * @description The accent colour, `#rgb` or `#rrggbb`.
             * @example #1a73e8
             */
            color?: string | null;
            /**
             * @description Where a user whose Pay Score assessment failed may pay another way: https (http only for localhost / 127.0.0.1).
             * @example https://pay.example.com/other
             */
            otherPaymentUrl?: string | null;
            /**
             * @description The customer-service phone (客服电话) in the pages’ footer: digits and dashes, 3–20 characters.
             * @example 400-820-8820
             */
            servicePhone?: string | null;
        };
        PutChecklistItemDto: {
            /** @description Why this item does not apply (then it counts as done); null or absent: it applies. */
            notApplicableReason: string | null;
        };
        PutMaintenanceSettingsDto: {
            /** @description Open a ticket by itself for each new alert of these device kinds (empty: never). */
            autoTicketKinds: ("DEVICE_OFFLINE" | "DEVICE_START_FAILURES")[];
        };
        PutOnboardingStepDto: {
            /** @description Replaces the step’s evidence (metadata, or a stored file by fileId). */
            evidence?: components["schemas"]["EvidenceDto"][];
            note?: string;
            /**
             * @description The operator’s state of the step. 2.2 is DONE only when the platform has seen its orders.
             * @enum {string}
             */
            state: "TODO" | "IN_PROGRESS" | "SUBMITTED" | "DONE";
            /**
             * @description Asia/Shanghai day the step was submitted or done; for 1.4 the 7–10 working days count from it.
             * @example 2026-12-01
             */
            submittedOn?: string;
        };
        PutOnboardingSubjectDto: {
            /**
             * @description 主体类型 as on the business licence. INDIVIDUAL_BUSINESS, MICRO_MERCHANT and SERVICE_PROVIDER cannot apply for direct Pay Score.
             * @enum {string}
             */
            subjectType: "ENTERPRISE" | "INSTITUTION" | "GOVERNMENT" | "OTHER_ORGANIZATION" | "INDIVIDUAL_BUSINESS" | "MICRO_MERCHANT" | "SERVICE_PROVIDER";
        };
        PutPlanogramDto: {
            /** @description The whole planogram: it replaces the previous one. */
            slots: components["schemas"]["PlanogramSlotDto"][];
        };
        PutWebhookDto: {
            /** @default true */
            enabled: boolean;
            /**
             * @description JSON: our payload, signed; WECOM: a 企业微信 group robot’s markdown message.
             * @enum {string}
             */
            format: "JSON" | "WECOM";
            /** @description Replace the signing secret; the answer shows the new one once. */
            rotateSecret?: boolean;
            /**
             * @description http(s); in production not a loopback or private address.
             * @example https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
             */
            url: string;
        };
        ReceivableDto: {
            /** @description Something an operator must look at. */
            anomaly: string | null;
            /**
             * @description The kind of the anomaly (the code it starts with); OTHER for one not listed.
             * @enum {string|null}
             */
            anomalyKind: "ORDER_REJECTED" | "ORDER_VANISHED" | "COMPLETE_REFUSED" | "UNKNOWN_ORDER_STATE" | "DONE_WITHOUT_PAYMENT" | "PAID_AMOUNT_MISMATCH" | "ORDER_REVOKED_WHILE_IN_USE" | "ORDER_REVOKED_WHILE_AWAITING_PAYMENT" | "ORDER_EXPIRED_WHILE_IN_USE" | "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT" | "STARTED_AFTER_CANCEL" | "USAGE_INVALID" | "REFUND_ABNORMAL" | "DEVICE_DID_NOT_STOP" | "OTHER" | null;
            /**
             * @description How old the debt is (from the order’s completion).
             * @enum {string}
             */
            bucket: "0-1d" | "1-3d" | "3-7d" | "7-30d" | ">30d";
            cancelReason: string | null;
            collectionState: string | null;
            connector: number | null;
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            /**
             * @description The vertical.
             * @enum {string}
             */
            deviceType: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
            endSource: string | null;
            /** Format: uuid */
            endUserId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            merchantOrganizationId: string;
            /** @description Chargers and valves in use: the latest meter reading behind runningFen (charging.metered / valve.metered); null before the first one. */
            meterReading: components["schemas"]["MeterReadingDto"] | null;
            /** @description Which of the session’s Pay Score orders is current (1 unless the user scanned again before confirming; outOrderNo is its number). */
            orderAttempt: number;
            /** @description WeChat’s state/state_description/collection.state as last seen. */
            orderState: string | null;
            /** Format: uuid */
            organizationId: string;
            outOrderNo: string;
            paidFen: number | null;
            planVersion: number;
            quotedFen: number | null;
            refundedFen: number;
            riskFundFen: number;
            /** @description Sessions in use: what the session would cost if it ended now, priced with its plan version — time so far, and for chargers and valves the energy or volume of the latest meter reading (meterReadAt). Null for item sales (known when the door closes) and sessions not in use. */
            runningFen: number | null;
            scenario: string;
            serviceId: string;
            slot: number | null;
            /** @enum {string} */
            state: "AWAITING_CONFIRMATION" | "STARTING" | "IN_USE" | "AWAITING_PAYMENT" | "PAID" | "CANCELLED";
            /** @description When each transition happened (<state>_at). */
            times: {
                [key: string]: string | null;
            };
            totalFen: number | null;
        };
        ReceivablesDto: {
            /** @description Every bucket, youngest first, empty ones included. */
            aging: components["schemas"]["AgingBucketDto"][];
            /** @description Completed orders not yet paid (all buckets). */
            count: number;
            /** @description Oldest first, one page. */
            items: components["schemas"]["ReceivableDto"][];
            /** @description What users still owe, in fen (all buckets). */
            owedFen: number;
            /** @description How many orders the list pages over (the `bucket` filter applied). */
            total: number;
        };
        ReceivablesSummaryDto: {
            /** @description Completed orders not yet paid. */
            count: number;
            /** @description What those users still owe, in fen. */
            owedFen: number;
        };
        ReconciliationBillDto: {
            /** @enum {string} */
            bill: "TRADE" | "FUND_FLOW" | "PROFIT_SHARING";
            /** @description Data rows parsed. */
            rows: number;
            /** @description SHA1 of the file, as WeChat gave it and checked on download. */
            sha1: string;
            sizeBytes: number;
        };
        ReconciliationDifferenceDto: {
            /**
             * @description The bill the difference came from.
             * @enum {string}
             */
            bill: "TRADE" | "FUND_FLOW" | "PROFIT_SHARING";
            /** @description What the bill says (fen). */
            billFen: number | null;
            billState: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "MISSING_LOCAL" | "MISSING_AT_WECHAT" | "AMOUNT_MISMATCH" | "REFUND_STATE_MISMATCH";
            /** @description What the platform recorded (fen). */
            localFen: number | null;
            localState: string | null;
            outOrderNo: string | null;
            outRefundNo: string | null;
            /** @description What the re-check by query (order or refund) answered. */
            recheck: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            recheckedAt: string;
            refundId: string | null;
            resolutionNote: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** Format: uuid */
            sessionId: string | null;
            transactionId: string | null;
        };
        ReconciliationDto: {
            /** @example 2026-12-05 */
            billDate: string;
            bills: components["schemas"]["ReconciliationBillDto"][];
            /** Format: date-time */
            createdAt: string;
            /** @description Differences still open after the re-check (resolved ones are listed too, with resolvedAt). */
            differences: components["schemas"]["ReconciliationDifferenceDto"][];
            error: string | null;
            /** @description Why it FAILED (e.g. PAYSCORE_BILL_HASH_MISMATCH) or is BILL_NOT_READY. */
            errorCode: string | null;
            /** @description WeChat’s fees of the day (payments − refunds), posted to the ledger as CHANNEL_FEE. */
            feeFen: number | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Bill rows that matched the platform’s records. */
            matched: number;
            /** Format: uuid */
            merchantAccountId: string;
            /** Format: uuid */
            organizationId: string;
            payments: number;
            refunds: number;
            /** @enum {string} */
            state: "RUNNING" | "DONE" | "NO_BILL" | "BILL_NOT_READY" | "FAILED";
            /** @enum {string} */
            trigger: "MANUAL" | "SCHEDULE";
        };
        ReconciliationListDto: {
            items: components["schemas"]["ReconciliationSummaryDto"][];
            total: number;
        };
        ReconciliationSummaryDto: {
            billDate: string;
            /** Format: date-time */
            createdAt: string;
            errorCode: string | null;
            /** Format: uuid */
            id: string;
            matched: number;
            /** Format: uuid */
            merchantAccountId: string;
            /** @description Differences not resolved yet. */
            openDifferences: number;
            /** @enum {string} */
            state: "RUNNING" | "DONE" | "NO_BILL" | "BILL_NOT_READY" | "FAILED";
        };
        RefreshDto: {
            /** @description The refresh token. Omit it (send `{}`) to use the `zizhu_refresh` cookie instead, with the header `X-Zizhu-Console: 1` (the console); when both are sent, this one counts. */
            refreshToken?: string;
        };
        RefundSessionDto: {
            /** @description Amount to refund in fen; refunds never add up to more than was paid. */
            amountFen: number;
            /** @example 商品过期，全额退款 */
            reason: string;
        };
        RegisterDeviceDto: {
            /**
             * @description The code printed on the QR sticker; unique across the platform.
             * @example PB-0042
             */
            code: string;
            /** @description EV chargers only. */
            connectors?: number;
            /** @default 60 */
            heartbeatIntervalSeconds: number;
            name?: string;
            /** @description The WeChat Pay Score service the device charges through. */
            payscoreServiceId?: string;
            /** @description A pricing plan (contracts.md §3); creates a plan at version 1. */
            plan?: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description Or an existing plan of the same organisation.
             */
            planId?: string;
            /**
             * Format: uuid
             * @description The site; the device belongs to the site’s organisation.
             */
            siteId: string;
            /** @description Power-bank cabinets only. */
            slots?: number;
            /** @enum {string} */
            type: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
        };
        RenameOrganizationDto: {
            /**
             * @description 主体名称: the name on the business licence, the subject WeChat registers the merchant numbers to (the application pack’s first row). Trimmed; when set 1–100 characters with at least one that is not blank. null clears it (the pack then falls back to the display name and says so); absent: unchanged.
             * @example 杭州鲜柜智能科技有限公司
             */
            legalName?: string | null;
            /** @description The display name. Absent: unchanged (then legalName must be given). */
            name?: string;
        };
        ReplaceCredentialsDto: {
            /** @description The APIv2 key (32 characters), for the mini-program jump signature. Write-only. */
            apiV2Key: string;
            /** @description The APIv3 key (32 characters). Write-only. */
            apiV3Key: string;
            /** @description Mini-program secrets by appid (for the consumer login). Write-only. */
            appSecrets?: {
                [key: string]: string;
            };
            /** @description Platform certificates (certificate mode). */
            platformCertificates?: components["schemas"]["PlatformCertificateDto"][];
            /**
             * @description WeChat Pay public key id (public-key mode).
             * @example PUB_KEY_ID_0112345678901234567890123456789012
             */
            platformPublicKeyId?: string;
            /** @description WeChat Pay public key (PEM), with platformPublicKeyId. */
            platformPublicKeyPem?: string;
            /** @description The merchant API private key (apiclient_key.pem). Write-only: never returned. */
            privateKeyPem: string;
            /**
             * @description Serial number of the merchant API certificate.
             * @example 5157F09EFDC096DE15EBE81A47057A7232F1B8E1
             */
            serialNo: string;
        };
        ResolveDifferenceDto: {
            /** @description What the operator found and did. */
            note: string;
        };
        RestockDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /** @description The display name of who restocked. */
            createdByName: string | null;
            /** Format: uuid */
            deviceId: string;
            /** Format: uuid */
            id: string;
            lines: components["schemas"]["RestockLineDto"][];
            note: string | null;
        };
        RestockLineDto: {
            added: number;
            onHandAfter: number;
            onHandBefore: number;
            removedExpired: number;
            sku: string;
        };
        RestockLineInputDto: {
            /** @description Items put in. */
            added: number;
            /** @description Expired items taken out (before adding). */
            removedExpired?: number;
            /** @example cola-330 */
            sku: string;
        };
        RestockListDto: {
            items: components["schemas"]["RestockDto"][];
        };
        RevenueDayDto: {
            /**
             * @description A calendar day in Asia/Shanghai.
             * @example 2026-11-28
             */
            day: string;
            /** @description `paidFen − refundedFen` (may be negative). */
            netFen: number;
            /** @description Paid that day, in fen. */
            paidFen: number;
            /** @description Refunded that day (refunds that succeeded), in fen. */
            refundedFen: number;
        };
        RevenueDto: {
            /** @description 30 days, oldest first, ending today; days without money are present with zeros. */
            byDay: components["schemas"]["RevenueDayDto"][];
            /** @description Net revenue of the last 7 days including today, in fen. */
            last7DaysFen: number;
            /** @description Net revenue of the last 30 days including today, in fen. */
            last30DaysFen: number;
            /** @description Net revenue (paid − refunded) since midnight Asia/Shanghai, in fen. */
            todayFen: number;
        };
        ScenarioRefusalDto: {
            appid: string;
            deviceCode: string;
            deviceType: string;
            /** @description Who scanned: the end user’s openid under the appid. */
            openid: string;
            refusedAt: string;
        };
        ScopesDto: {
            /** @description The codes the caller may give a key. */
            scopes: string[];
        };
        SecretDto: {
            /** Format: uuid */
            deviceId: string;
            /** @description The new secret, shown this once; the previous one stops working at once. */
            secret: string;
            secretVersion: number;
        };
        SendCommandDto: {
            /**
             * @example {
             *       "slot": 3
             *     }
             */
            params?: {
                [key: string]: unknown;
            };
            sessionId?: string;
            /**
             * @description Unacknowledged after this long, the command expires.
             * @default 60
             */
            ttlSeconds: number;
            /** @enum {string} */
            type: "UNLOCK" | "EJECT" | "START_CHARGING" | "STOP_CHARGING" | "OPEN_VALVE" | "CLOSE_VALVE" | "REBOOT";
        };
        SessionActionDto: {
            amountFen: number | null;
            /** Format: date-time */
            createdAt: string;
            error: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "END" | "MODIFY" | "COLLECT" | "REFUND";
            outRefundNo: string | null;
            reason: string | null;
            /**
             * @description PROCESSING: sent, WeChat’s outcome not known yet (queried until it is). ABNORMAL: a refund WeChat holds (REFUND.ABNORMAL) — the money is not free to refund again; an operator resolves it with WeChat. HELD: WeChat refused the refund for lack of money (NOT_ENOUGH) after the brand’s commission was split off (a split return that failed or fell short); `error` says why. Still counted against what can be refunded; an operator retries it once the merchant’s balance covers it (POST …/refunds/{actionId}/retry) or gives it up (POST …/refunds/{actionId}/give-up → FAILED).
             * @enum {string}
             */
            state: "PENDING" | "PROCESSING" | "ABNORMAL" | "HELD" | "SUCCEEDED" | "FAILED";
        };
        SessionDetailDto: {
            /** @description Every operator action, oldest first (ends, amount changes, collections, refunds). */
            actions: components["schemas"]["SessionActionDto"][];
            /** @description Something an operator must look at. */
            anomaly: string | null;
            /**
             * @description The kind of the anomaly (the code it starts with); OTHER for one not listed.
             * @enum {string|null}
             */
            anomalyKind: "ORDER_REJECTED" | "ORDER_VANISHED" | "COMPLETE_REFUSED" | "UNKNOWN_ORDER_STATE" | "DONE_WITHOUT_PAYMENT" | "PAID_AMOUNT_MISMATCH" | "ORDER_REVOKED_WHILE_IN_USE" | "ORDER_REVOKED_WHILE_AWAITING_PAYMENT" | "ORDER_EXPIRED_WHILE_IN_USE" | "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT" | "STARTED_AFTER_CANCEL" | "USAGE_INVALID" | "REFUND_ABNORMAL" | "DEVICE_DID_NOT_STOP" | "OTHER" | null;
            /** @description The session’s Pay Score orders: a repeated scan before confirming replaces the order (its package is single-use). */
            attempts: components["schemas"]["OrderAttemptDto"][];
            cancelReason: string | null;
            collectionState: string | null;
            connector: number | null;
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            /**
             * @description The vertical.
             * @enum {string}
             */
            deviceType: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
            endSource: string | null;
            /** Format: uuid */
            endUserId: string;
            /** Format: uuid */
            id: string;
            /** @description Item sales (fridges, cabinets): the catalog of the plan version the session started with — the SKUs an operator may end it with; null for other plans. */
            itemCatalog: components["schemas"]["CatalogItemDto"][] | null;
            /** @description The post_payments / post_discounts sent to WeChat. */
            lines: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            merchantOrganizationId: string;
            /** @description Chargers and valves in use: the latest meter reading behind runningFen (charging.metered / valve.metered); null before the first one. */
            meterReading: components["schemas"]["MeterReadingDto"] | null;
            /** @description Which of the session’s Pay Score orders is current (1 unless the user scanned again before confirming; outOrderNo is its number). */
            orderAttempt: number;
            /** @description WeChat’s state/state_description/collection.state as last seen. */
            orderState: string | null;
            /** Format: uuid */
            organizationId: string;
            outOrderNo: string;
            paidFen: number | null;
            planVersion: number;
            quote: {
                [key: string]: unknown;
            } | null;
            quotedFen: number | null;
            /** @description Paid sessions: what can still be refunded (paid − refunds not failed); null before payment. */
            refundableFen: number | null;
            refundedFen: number;
            /** @description The refunds among the actions, oldest first. */
            refunds: components["schemas"]["SessionActionDto"][];
            riskFundFen: number;
            /** @description Sessions in use: what the session would cost if it ended now, priced with its plan version — time so far, and for chargers and valves the energy or volume of the latest meter reading (meterReadAt). Null for item sales (known when the door closes) and sessions not in use. */
            runningFen: number | null;
            /** @description Sessions in use: the quote behind runningFen (its lines), as if the session ended now; null otherwise. */
            runningQuote: {
                [key: string]: unknown;
            } | null;
            scenario: string;
            serviceId: string;
            slot: number | null;
            /** @enum {string} */
            state: "AWAITING_CONFIRMATION" | "STARTING" | "IN_USE" | "AWAITING_PAYMENT" | "PAID" | "CANCELLED";
            /** @description When each transition happened (<state>_at). */
            times: {
                [key: string]: string | null;
            };
            totalFen: number | null;
            usage: {
                [key: string]: unknown;
            } | null;
        };
        SessionDto: {
            /** @description Something an operator must look at. */
            anomaly: string | null;
            /**
             * @description The kind of the anomaly (the code it starts with); OTHER for one not listed.
             * @enum {string|null}
             */
            anomalyKind: "ORDER_REJECTED" | "ORDER_VANISHED" | "COMPLETE_REFUSED" | "UNKNOWN_ORDER_STATE" | "DONE_WITHOUT_PAYMENT" | "PAID_AMOUNT_MISMATCH" | "ORDER_REVOKED_WHILE_IN_USE" | "ORDER_REVOKED_WHILE_AWAITING_PAYMENT" | "ORDER_EXPIRED_WHILE_IN_USE" | "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT" | "STARTED_AFTER_CANCEL" | "USAGE_INVALID" | "REFUND_ABNORMAL" | "DEVICE_DID_NOT_STOP" | "OTHER" | null;
            cancelReason: string | null;
            collectionState: string | null;
            connector: number | null;
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            /**
             * @description The vertical.
             * @enum {string}
             */
            deviceType: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
            endSource: string | null;
            /** Format: uuid */
            endUserId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            merchantOrganizationId: string;
            /** @description Chargers and valves in use: the latest meter reading behind runningFen (charging.metered / valve.metered); null before the first one. */
            meterReading: components["schemas"]["MeterReadingDto"] | null;
            /** @description Which of the session’s Pay Score orders is current (1 unless the user scanned again before confirming; outOrderNo is its number). */
            orderAttempt: number;
            /** @description WeChat’s state/state_description/collection.state as last seen. */
            orderState: string | null;
            /** Format: uuid */
            organizationId: string;
            outOrderNo: string;
            paidFen: number | null;
            planVersion: number;
            quotedFen: number | null;
            refundedFen: number;
            riskFundFen: number;
            /** @description Sessions in use: what the session would cost if it ended now, priced with its plan version — time so far, and for chargers and valves the energy or volume of the latest meter reading (meterReadAt). Null for item sales (known when the door closes) and sessions not in use. */
            runningFen: number | null;
            scenario: string;
            serviceId: string;
            slot: number | null;
            /** @enum {string} */
            state: "AWAITING_CONFIRMATION" | "STARTING" | "IN_USE" | "AWAITING_PAYMENT" | "PAID" | "CANCELLED";
            /** @description When each transition happened (<state>_at). */
            times: {
                [key: string]: string | null;
            };
            totalFen: number | null;
        };
        SessionListDto: {
            items: components["schemas"]["SessionDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            /** @description How many sessions match the filters. */
            total: number;
        };
        SessionsByStateDto: {
            AWAITING_CONFIRMATION: number;
            AWAITING_PAYMENT: number;
            /** @description Cancelled in the last 30 days. */
            CANCELLED: number;
            IN_USE: number;
            /** @description Paid in the last 30 days. */
            PAID: number;
            STARTING: number;
        };
        SetDevicePlanDto: {
            /** @description The new plan (contracts.md §3): the next version of the device’s plan when only this device uses it; when other devices share it, the device gets a plan of its own (named after its code) and the others keep theirs. */
            plan?: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description Or an existing plan of the device’s organisation (GET /v1/plans): the device uses its current version from now on.
             */
            planId?: string;
        };
        SetPayoutPayeeDto: {
            /** @description The appid the openid belongs to (an appid of the brand’s merchant account); default the account’s first. */
            appid?: string;
            /** @description The franchisee’s openid under the brand’s appid (the transfer’s receiver). */
            openid: string;
            /** @description The payee’s real name (required by WeChat for transfers from 2,000 CNY); stored encrypted, never returned. null clears it. */
            realName?: string | null;
        };
        SettleStatementDto: {
            /**
             * @description OFFLINE_BANK: paid by bank transfer (reference required). OFFSET: set off against other money between the two parties. OTHER: anything else (cash, waived…): say how in note.
             * @enum {string}
             */
            method: "OFFLINE_BANK" | "OFFSET" | "OTHER";
            note?: string;
            /** @description The bank transfer’s reference (required for OFFLINE_BANK), or the offset’s. */
            reference?: string;
            /**
             * Format: date-time
             * @description When the money moved: not in the future, not before the statement closed. Default: now.
             * @example 2026-12-05T10:00:00+08:00
             */
            settledAt?: string;
        };
        SiteDto: {
            address: string;
            city: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            latitude: number | null;
            longitude: number | null;
            name: string;
            /** Format: uuid */
            organizationId: string;
        };
        SiteListDto: {
            items: components["schemas"]["SiteWithCountsDto"][];
            total: number;
        };
        SiteWithCountsDto: {
            address: string;
            city: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Devices at the site. */
            deviceCount: number;
            /** @description Of them, `FAULTED`. */
            faultedCount: number;
            /** Format: uuid */
            id: string;
            latitude: number | null;
            longitude: number | null;
            name: string;
            /** @description Of them, `ONLINE` (see GET /v1/devices `status`). */
            onlineCount: number;
            /** Format: uuid */
            organizationId: string;
        };
        StartSessionDto: {
            /** @description Chargers: the connector to start (default 1). */
            connector?: number;
            /**
             * @description The code on the device’s QR sticker.
             * @example PB-0001
             */
            deviceCode: string;
            /** @description Power-bank cabinets: the slot to eject from. */
            slot?: number;
        };
        StatementDetailDto: {
            /** @description Adjustments: what was learnt after an earlier period closed (negative: owed back). */
            adjustmentFen: number;
            /** @description WeChat’s channel fee (手续费) its brand passed on to the franchisee on this statement (the CHANNEL_FEE line counted in payableFen; negative: fees given back by refunds), fen. OPEN: so far. */
            channelFeeFen: number;
            /** Format: date-time */
            closedAt: string | null;
            /** @description Σ ⌊order net × basis points ÷ 10000⌋ (rounding COMMISSION_FLOOR_PER_ORDER). */
            commissionFen: number;
            fixedFeeFen: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "FRANCHISE" | "RESELLER";
            lines: components["schemas"]["StatementLineDto"][];
            minimumTopUpFen: number;
            netFen: number;
            /**
             * Format: uuid
             * @description The franchisee or customer the statement is for.
             */
            organizationId: string;
            /** @description Its name. */
            organizationName: string | null;
            /** @description The franchisee’s own channel fee as merchant of record (franchisee collects): shown on the statement, not counted in payableFen, fen. */
            ownChannelFeeFen: number;
            paidFen: number;
            /**
             * Format: uuid
             * @description Its franchise brand or hardware reseller.
             */
            parentOrganizationId: string;
            /** @description Franchise: what the brand owes the franchisee for the period (net − commission − fixed fees − minimum top-up − WeChat’s channel fee passed on to it + adjustments; negative: the franchisee owes). Reseller: what the customer owes its reseller. */
            payableFen: number;
            /** @enum {string} */
            period: "DAILY" | "WEEKLY" | "MONTHLY";
            /**
             * @description Last day, Asia/Shanghai, inclusive.
             * @example 2026-12-31
             */
            periodEnd: string;
            /**
             * @description First day, Asia/Shanghai, inclusive.
             * @example 2026-12-01
             */
            periodStart: string;
            /** @description Refunds of those sessions that succeeded before the close; later ones are adjustments of a later period. */
            refundedFen: number;
            /** @description Reseller: platform fees per active device and the fixed monthly fee. */
            resellerFeeFen: number;
            /** @description Sessions charged more than 0 fen, paid in the period. */
            sessions: number;
            /** Format: date-time */
            settledAt: string | null;
            /** @description The settlement recorded with POST /v1/statements/{id}/settle, if that is what settled it. */
            settlement: components["schemas"]["StatementSettlementDto"] | null;
            /** @description What settled it: `payout:<id>` (a payout) or `settlement:<id>` (a settlement recorded with POST /v1/statements/{id}/settle). */
            settlementReference: string | null;
            /**
             * @description OPEN (figures so far, recomputed on each read) → CLOSED (fixed) → SETTLED.
             * @enum {string}
             */
            status: "OPEN" | "CLOSED" | "SETTLED";
        };
        StatementDto: {
            /** @description Adjustments: what was learnt after an earlier period closed (negative: owed back). */
            adjustmentFen: number;
            /** @description WeChat’s channel fee (手续费) its brand passed on to the franchisee on this statement (the CHANNEL_FEE line counted in payableFen; negative: fees given back by refunds), fen. OPEN: so far. */
            channelFeeFen: number;
            /** Format: date-time */
            closedAt: string | null;
            /** @description Σ ⌊order net × basis points ÷ 10000⌋ (rounding COMMISSION_FLOOR_PER_ORDER). */
            commissionFen: number;
            fixedFeeFen: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "FRANCHISE" | "RESELLER";
            minimumTopUpFen: number;
            netFen: number;
            /**
             * Format: uuid
             * @description The franchisee or customer the statement is for.
             */
            organizationId: string;
            /** @description Its name. */
            organizationName: string | null;
            /** @description The franchisee’s own channel fee as merchant of record (franchisee collects): shown on the statement, not counted in payableFen, fen. */
            ownChannelFeeFen: number;
            paidFen: number;
            /**
             * Format: uuid
             * @description Its franchise brand or hardware reseller.
             */
            parentOrganizationId: string;
            /** @description Franchise: what the brand owes the franchisee for the period (net − commission − fixed fees − minimum top-up − WeChat’s channel fee passed on to it + adjustments; negative: the franchisee owes). Reseller: what the customer owes its reseller. */
            payableFen: number;
            /** @enum {string} */
            period: "DAILY" | "WEEKLY" | "MONTHLY";
            /**
             * @description Last day, Asia/Shanghai, inclusive.
             * @example 2026-12-31
             */
            periodEnd: string;
            /**
             * @description First day, Asia/Shanghai, inclusive.
             * @example 2026-12-01
             */
            periodStart: string;
            /** @description Refunds of those sessions that succeeded before the close; later ones are adjustments of a later period. */
            refundedFen: number;
            /** @description Reseller: platform fees per active device and the fixed monthly fee. */
            resellerFeeFen: number;
            /** @description Sessions charged more than 0 fen, paid in the period. */
            sessions: number;
            /** Format: date-time */
            settledAt: string | null;
            /** @description The settlement recorded with POST /v1/statements/{id}/settle, if that is what settled it. */
            settlement: components["schemas"]["StatementSettlementDto"] | null;
            /** @description What settled it: `payout:<id>` (a payout) or `settlement:<id>` (a settlement recorded with POST /v1/statements/{id}/settle). */
            settlementReference: string | null;
            /**
             * @description OPEN (figures so far, recomputed on each read) → CLOSED (fixed) → SETTLED.
             * @enum {string}
             */
            status: "OPEN" | "CLOSED" | "SETTLED";
        };
        StatementLineDto: {
            /** @description Signed, in fen, from the franchisee’s (customer’s) side: positive is owed to it. A CHANNEL_FEE line is WeChat’s fee (手续费) known since the last close: passed on by the brand (counted in payableFen), or the franchisee’s own as merchant of record (shown, not counted: WeChat took it from its own collections). */
            amountFen: number;
            description: string;
            /** @enum {string} */
            kind: "SESSIONS_NET" | "COMMISSION" | "FIXED_FEE" | "MINIMUM_TOP_UP" | "RESELLER_FEE" | "RESELLER_FIXED_FEE" | "ADJUSTMENT" | "CHANNEL_FEE";
            position: number;
            /** @description Sessions, devices or months the line counts. */
            quantity: number | null;
            /** @description The named rounding of this line, if any (e.g. COMMISSION_FLOOR_PER_ORDER, CHANNEL_FEE_PER_ORDER_FROM_BILL). */
            rounding: string | null;
            unitFen: number | null;
        };
        StatementListDto: {
            items: components["schemas"]["StatementDto"][];
            total: number;
            /** @description One entry per status (OPEN, CLOSED, SETTLED), over every statement matching the filters. */
            totals: components["schemas"]["StatementStatusTotalDto"][];
        };
        StatementSettlementDto: {
            /** @description The statement’s payableFen when it was settled (signed as payableFen). */
            amountFen: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            method: "OFFLINE_BANK" | "OFFSET" | "OTHER";
            note: string | null;
            /**
             * Format: date-time
             * @description When it was recorded.
             */
            recordedAt: string;
            reference: string | null;
            /**
             * Format: date-time
             * @description When the money moved.
             */
            settledAt: string;
            /**
             * Format: uuid
             * @description The login that recorded it.
             */
            settledBy: string | null;
            /** @description Its display name at the time. */
            settledByName: string | null;
        };
        StatementStatusTotalDto: {
            /** @description Statements in this status matching the filters (all pages). */
            count: number;
            /** @description Σ payableFen of those statements. OPEN: always 0 (an open statement’s figures are computed on read, not stored: GET /v1/earnings has them); CLOSED: owed, not yet paid out or split (a franchisee’s “on its way”); SETTLED: paid. */
            payableFen: number;
            /** @enum {string} */
            status: "OPEN" | "CLOSED" | "SETTLED";
        };
        StockCountDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            createdByName: string | null;
            /** Format: uuid */
            deviceId: string;
            /** Format: uuid */
            id: string;
            lines: components["schemas"]["CountLineDto"][];
            note: string | null;
        };
        StockCountListDto: {
            items: components["schemas"]["StockCountDto"][];
        };
        StockDto: {
            /** @description The catalog of the fridge’s current pricing plan: the SKUs a planogram, restock or count may name. */
            catalog: components["schemas"]["CatalogItemDto"][];
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            /** @description The latest 50 sales beyond the book. */
            discrepancies: components["schemas"]["DiscrepancyDto"][];
            lines: components["schemas"]["StockLineDto"][];
            /** @description The FRIDGE_LOW_STOCK rule in force for the fridge’s organisation: low below this percent of par. */
            lowThresholdPercent: number;
        };
        StockLineDto: {
            /** @description Below the low-stock rule’s share of par (FRIDGE_LOW_STOCK). */
            low: boolean;
            /** @description The catalog name (empty when the SKU left the catalog). */
            name: string;
            /** @description The book: what should be in the fridge. */
            onHand: number;
            /** @description The sum of the par levels of its slots (0 when not in the planogram). */
            parLevel: number;
            sku: string;
            /** @description Par level minus on hand, at least 0: what the morning restock brings. */
            toFill: number;
            /** Format: date-time */
            updatedAt: string;
        };
        StockMovementDto: {
            /** Format: date-time */
            createdAt: string;
            delta: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "SALE" | "RESTOCK" | "EXPIRED" | "COUNT";
            onHandAfter: number;
            /** Format: uuid */
            sessionId: string | null;
            shortfall: number;
            sku: string;
        };
        StockMovementListDto: {
            items: components["schemas"]["StockMovementDto"][];
        };
        SupportChargeDto: {
            amountFen: number;
            detail?: string | null;
            /** @example rental */
            kind: string;
            label: string;
        };
        SupportComplaintDto: {
            /** @description WeChat’s complaint id. */
            complaintId: string;
            /** Format: date-time */
            complaintTime: string;
            detail: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            replyDueAt: string;
            /** @enum {string} */
            state: "PENDING" | "PROCESSING" | "PROCESSED";
        };
        SupportDeviceReportDto: {
            /**
             * Format: date-time
             * @description When it happened (events, acknowledgements) or was recorded (telemetry).
             */
            at: string;
            /** @description What the device sent (event payload, command state and ack, telemetry). */
            detail: {
                [key: string]: unknown;
            };
            /** @description Whether it names this session (events and commands that carry its id). */
            ofSession: boolean;
            /** @enum {string} */
            source: "EVENT" | "COMMAND" | "TELEMETRY";
            /** @description The event type, command type or `heartbeat`. */
            type: string;
        };
        SupportLookupDto: {
            /** @description Whether the search was written to the audit log (a search by an end user’s identifier: openid, transactionId, refundNo; or one whose answer names a user: an openid or a transaction id). */
            audited: boolean;
            /** @enum {string} */
            kind: "transactionId" | "outOrderNo" | "refundNo" | "openid" | "deviceTime";
            q: string;
            /** @description The sessions found that the caller may see, newest first (at most 20). */
            sessions: components["schemas"]["SupportSessionDto"][];
            /** @description More than 20 sessions matched (openid, deviceTime): narrow the search. */
            truncated: boolean;
        };
        SupportRefundDto: {
            amountFen: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Our refund number (out_refund_no). */
            outRefundNo: string | null;
            reason: string | null;
            /** @description WeChat’s refund_id. */
            refundId: string | null;
            /** @example SUCCEEDED */
            state: string;
        };
        SupportSessionDto: {
            anomaly: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            cancelReason: string | null;
            /** @description The charge lines of its quote. */
            charges: components["schemas"]["SupportChargeDto"][];
            /** @description Consumer complaints on it the caller may see, oldest first. */
            complaints: components["schemas"]["SupportComplaintDto"][];
            connector: number | null;
            /** Format: date-time */
            createdAt: string;
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            /** @description What the device reported from 10 minutes before the session to 10 minutes after its end (events, the commands it was sent and its acks, heartbeats), in time order, at most 200. */
            deviceReports: components["schemas"]["SupportDeviceReportDto"][];
            deviceType: string;
            /** Format: date-time */
            endedAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            inUseAt: string | null;
            /** @description The user’s openid, where the caller may see the merchant of record’s end users (a franchisee charged by its brand: null). */
            openid: string | null;
            /**
             * Format: uuid
             * @description The organisation that owned the device when the session started.
             */
            organizationId: string;
            organizationName: string;
            /** @description The current Pay Score order. */
            outOrderNo: string;
            /** @description Every Pay Score order of the session (a rescan before confirming replaces it), oldest first. */
            outOrderNos: string[];
            /** Format: date-time */
            paidAt: string | null;
            paidFen: number | null;
            refundedFen: number;
            /** @description Its refunds, oldest first. */
            refunds: components["schemas"]["SupportRefundDto"][];
            slot: number | null;
            state: string;
            totalFen: number | null;
            transactionId: string | null;
        };
        TelemetryPointDto: {
            /**
             * Format: date-time
             * @description Start of the bucket.
             */
            at: string;
            /** @description Telemetry samples in the bucket. */
            samples: number;
            /** @description Per numeric telemetry field, its average over the bucket. */
            values: {
                [key: string]: number;
            };
        };
        TelemetrySampleDto: {
            firmware: string | null;
            /** Format: date-time */
            recordedAt: string;
            telemetry: {
                [key: string]: unknown;
            };
        };
        TelemetrySeriesDto: {
            /** @description Width of each bucket. */
            bucketSeconds: number;
            /** Format: date-time */
            from: string;
            /** @description The numeric telemetry fields seen in the range, sorted. */
            metrics: string[];
            /** @description Buckets with samples, oldest first. */
            points: components["schemas"]["TelemetryPointDto"][];
            /** Format: date-time */
            to: string;
        };
        TestResultDto: {
            error: string | null;
            ok: boolean;
            /** @description The receiver’s HTTP status; null when it was not reached. */
            status: number | null;
        };
        TicketDetailDto: {
            /** @description The actions open from the current state. */
            actions: ("start" | "resolve" | "close" | "reopen")[];
            /** Format: uuid */
            alertId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            /** @description The assignee’s display name (null when unassigned or not a login you may see). */
            assigneeName: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: uuid */
            closedBy: string | null;
            description: string;
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            /** @description Notes, state changes, assignments and photos, oldest first. */
            events: components["schemas"]["TicketEventDto"][];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            openedAt: string;
            /** Format: uuid */
            openedBy: string | null;
            /** Format: uuid */
            organizationId: string;
            photos: components["schemas"]["TicketPhotoDto"][];
            /** Format: date-time */
            reopenedAt: string | null;
            /** Format: uuid */
            reopenedBy: string | null;
            resolution: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** Format: uuid */
            resolvedBy: string | null;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: uuid */
            startedBy: string | null;
            /** @enum {string} */
            state: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "CLOSED";
            title: string;
        };
        TicketDto: {
            /** @description The actions open from the current state. */
            actions: ("start" | "resolve" | "close" | "reopen")[];
            /** Format: uuid */
            alertId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            /** @description The assignee’s display name (null when unassigned or not a login you may see). */
            assigneeName: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: uuid */
            closedBy: string | null;
            description: string;
            deviceCode: string;
            /** Format: uuid */
            deviceId: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            openedAt: string;
            /** Format: uuid */
            openedBy: string | null;
            /** Format: uuid */
            organizationId: string;
            /** Format: date-time */
            reopenedAt: string | null;
            /** Format: uuid */
            reopenedBy: string | null;
            resolution: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** Format: uuid */
            resolvedBy: string | null;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: uuid */
            startedBy: string | null;
            /** @enum {string} */
            state: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "CLOSED";
            title: string;
        };
        TicketEventDto: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            createdByName: string | null;
            fromState: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "NOTE" | "STATE" | "ASSIGNED" | "PHOTO";
            toState: string | null;
        };
        TicketListDto: {
            items: components["schemas"]["TicketDto"][];
            total: number;
        };
        TicketPhotoDto: {
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "image/webp";
            /** Format: uuid */
            id: string;
            name: string;
            /** @description SHA-256 of the bytes, lower-case hex. */
            sha256: string;
            /** @description Size in bytes (1 to 5 MiB). */
            size: number;
            /** Format: date-time */
            uploadedAt: string;
            /** Format: uuid */
            uploadedBy: string | null;
        };
        TimelineEntryDto: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            kind: "command" | "event";
            /** @description Command id or eventId. */
            ref: string;
            /** @description Command state. */
            state: string | null;
            type: string;
        };
        TokensDto: {
            accessToken: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            refreshToken: string;
        };
        TransferDeviceDto: {
            /**
             * Format: uuid
             * @description The customer organisation buying the device: a CUSTOMER directly under the device’s owner.
             */
            organizationId: string;
            /**
             * Format: uuid
             * @description A site of that customer, where the device goes (the customer creates it first).
             */
            siteId: string;
        };
        TransferSceneDto: {
            /** @description The scene’s report items (transfer_scene_report_infos), each infoType once. */
            reportInfos: components["schemas"]["TransferSceneReportInfoDto"][];
            /**
             * @description WeChat’s transfer scene id (transfer_scene_id, 4 digits), as approved for this merchant in its merchant platform.
             * @example 1005
             */
            sceneId: string;
        };
        TransferSceneReportInfoDto: {
            /**
             * @description The item’s content (info_content); `{period}` becomes the statement’s period (`YYYYMMDD-YYYYMMDD`, 17 characters), and the result must fit in 32 characters.
             * @example 分成结算{period}
             */
            infoContent: string;
            /**
             * @description The report item’s type (info_type) as the scene asks for it.
             * @example 岗位类型
             */
            infoType: string;
        };
        TransferSceneViewDto: {
            /** @description True when the account stores no scene of its own and pays under the platform’s default (1005 佣金报酬; unconfirmed for franchise revenue shares). */
            isDefault: boolean;
            /** @description The scene’s report items (transfer_scene_report_infos), each infoType once. */
            reportInfos: components["schemas"]["TransferSceneReportInfoDto"][];
            /**
             * @description WeChat’s transfer scene id (transfer_scene_id, 4 digits), as approved for this merchant in its merchant platform.
             * @example 1005
             */
            sceneId: string;
        };
        TransitionTicketDto: {
            /**
             * @description start (OPEN → IN_PROGRESS), resolve (OPEN/IN_PROGRESS → RESOLVED), close (OPEN/IN_PROGRESS/RESOLVED → CLOSED), reopen (RESOLVED/CLOSED → OPEN).
             * @enum {string}
             */
            action: "start" | "resolve" | "close" | "reopen";
            /** @description A note for the thread; for resolve, and for close without an earlier resolution, the resolution (required then). */
            note?: string;
        };
        UnreadCountDto: {
            /** @description Alerts the caller may see and has not read. */
            unread: number;
        };
        UpdateAlertRulesDto: {
            /** @description The rules to change; kinds not listed keep their settings. */
            rules: components["schemas"]["AlertRuleChangeDto"][];
        };
        UpdateEndpointDto: {
            description?: string;
            enabled?: boolean;
            events?: ("session.paid" | "session.cancelled" | "refund.succeeded" | "device.offline" | "device.online" | "complaint.created")[];
            /** @description Replace the signing secret; the answer shows the new one once. */
            rotateSecret?: boolean;
            url?: string;
        };
        UpdatePlanDto: {
            /** @description The version the edit was based on (the one the preview listed devices for): when the plan has moved on since, nothing is stored (409). */
            expectedVersion?: number;
            /** @description A new name for the plan (names are not versioned). */
            name?: string;
            /** @description The plan of the new version (contracts.md §3). */
            plan: {
                [key: string]: unknown;
            };
        };
        UpdateTicketDto: {
            /**
             * Format: uuid
             * @description The new assignee; `null` unassigns.
             */
            assigneeId?: string | null;
            description?: string;
            title?: string;
        };
        UserDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Set while the login is disabled: it cannot sign in.
             */
            disabledAt: string | null;
            displayName: string;
            email: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organizationId: string;
            phone: string | null;
            /** @enum {string} */
            role: "PLATFORM_ADMIN" | "OPERATOR_ADMIN" | "OPERATOR_STAFF" | "FRANCHISEE_ADMIN" | "CUSTOMER_ADMIN" | "TECHNICIAN";
        };
        WebhookDeliveryDto: {
            attemptLog: components["schemas"]["AttemptDto"][];
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: uuid */
            endpointId: string;
            /**
             * Format: uuid
             * @description The event’s id: the same on every retry and replay (the receiver deduplicates on it).
             */
            eventId: string;
            /** @enum {string} */
            eventType: "session.paid" | "session.cancelled" | "refund.succeeded" | "device.offline" | "device.online" | "complaint.created";
            /** Format: uuid */
            id: string;
            lastError: string | null;
            lastStatus: number | null;
            /** @enum {string} */
            state: "PENDING" | "DELIVERED" | "FAILED";
        };
        WebhookDeliveryPageDto: {
            items: components["schemas"]["WebhookDeliveryDto"][];
            total: number;
        };
        WebhookDto: {
            /** Format: date-time */
            createdAt: string;
            enabled: boolean;
            /** @enum {string} */
            format: "JSON" | "WECOM";
            /** Format: uuid */
            id: string;
            /** @description The signing secret (JSON format: HMAC-SHA256 key), only in the answer that created or rotated it. */
            secret?: string;
            /** Format: date-time */
            secretRotatedAt: string;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        WebhookSettingsDto: {
            webhook: components["schemas"]["WebhookDto"] | null;
        };
        WebhookTestResultDto: {
            error: string | null;
            ok: boolean;
            /** @description The receiver’s HTTP status; null when it was not reached. */
            status: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    DeviceApi_commands: {
        parameters: {
            query?: {
                /** @description Long poll: wait up to this many seconds for a command. */
                waitSeconds?: number;
            };
            header: {
                "X-Device-Id": string;
                /** @description 16–32 characters, never reused within 300 s */
                "X-Nonce": string;
                /** @description hex(HMAC-SHA256(secret, METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n)) */
                "X-Signature": string;
                /** @description unix seconds */
                "X-Timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Long poll: answers as soon as a command is queued, or empty after waitSeconds. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandsResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_AUTH_MISSING`, `DEVICE_AUTH_MALFORMED`, `DEVICE_AUTH_UNKNOWN_DEVICE`, `DEVICE_AUTH_BAD_SIGNATURE`, `DEVICE_AUTH_STALE_TIMESTAMP`, `DEVICE_AUTH_NONCE_REPLAYED`, `DEVICE_AUTH_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviceApi_ack: {
        parameters: {
            query?: never;
            header: {
                "X-Device-Id": string;
                /** @description 16–32 characters, never reused within 300 s */
                "X-Nonce": string;
                /** @description hex(HMAC-SHA256(secret, METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n)) */
                "X-Signature": string;
                /** @description unix seconds */
                "X-Timestamp": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommandAckDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAckResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_AUTH_MISSING`, `DEVICE_AUTH_MALFORMED`, `DEVICE_AUTH_UNKNOWN_DEVICE`, `DEVICE_AUTH_BAD_SIGNATURE`, `DEVICE_AUTH_STALE_TIMESTAMP`, `DEVICE_AUTH_NONCE_REPLAYED`, `DEVICE_AUTH_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_COMMAND_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_COMMAND_EXPIRED`, `DEVICE_COMMAND_ALREADY_ACKED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviceApi_event: {
        parameters: {
            query?: never;
            header: {
                "X-Device-Id": string;
                /** @description 16–32 characters, never reused within 300 s */
                "X-Nonce": string;
                /** @description hex(HMAC-SHA256(secret, METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n)) */
                "X-Signature": string;
                /** @description unix seconds */
                "X-Timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    eventId: string;
                    /** Format: date-time */
                    occurredAt: string;
                    sessionId?: string;
                    type: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Recorded, or (duplicate: true) already recorded under this eventId. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResponseDto"];
                };
            };
            /** @description `DEVICE_BODY_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_AUTH_MISSING`, `DEVICE_AUTH_MALFORMED`, `DEVICE_AUTH_UNKNOWN_DEVICE`, `DEVICE_AUTH_BAD_SIGNATURE`, `DEVICE_AUTH_STALE_TIMESTAMP`, `DEVICE_AUTH_NONCE_REPLAYED`, `DEVICE_AUTH_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `POWERBANK_FOREIGN_NETWORK` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_BODY_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviceApi_heartbeat: {
        parameters: {
            query?: never;
            header: {
                "X-Device-Id": string;
                /** @description 16–32 characters, never reused within 300 s */
                "X-Nonce": string;
                /** @description hex(HMAC-SHA256(secret, METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n)) */
                "X-Signature": string;
                /** @description unix seconds */
                "X-Timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    firmware?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatResponseDto"];
                };
            };
            /** @description `DEVICE_BODY_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_AUTH_MISSING`, `DEVICE_AUTH_MALFORMED`, `DEVICE_AUTH_UNKNOWN_DEVICE`, `DEVICE_AUTH_BAD_SIGNATURE`, `DEVICE_AUTH_STALE_TIMESTAMP`, `DEVICE_AUTH_NONCE_REPLAYED`, `DEVICE_AUTH_REVOKED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_BODY_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    Health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description `DATABASE_UNAVAILABLE` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AgreementsInForce_list: {
        parameters: {
            query: {
                /** @description The day (Asia/Shanghai; default today). */
                on?: string;
                /** @description A franchise brand or hardware reseller: the agreements of its direct children. */
                parentId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementsInForceDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AlertRules_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRulesDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AlertRules_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAlertRulesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRulesDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AlertWebhooks_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSettingsDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AlertWebhooks_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AlertWebhooks_remove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ALERT_WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AlertWebhooks_deliveries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AlertWebhooks_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResultDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ALERT_WEBHOOK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Alerts_list: {
        parameters: {
            query?: {
                kind?: "DEVICE_OFFLINE" | "DEVICE_START_FAILURES" | "COLLECTION_FAILING" | "REFUND_STUCK" | "RECONCILIATION_DIFFERENCE" | "COMPLAINT_DEADLINE" | "COMPLAINT_RATE" | "PAYOUT_FAILED" | "FRIDGE_LOW_STOCK" | "POWERBANK_FLAGGED";
                limit?: number;
                offset?: number;
                state?: "OPEN" | "ACKNOWLEDGED" | "RESOLVED";
                /** @description true: only alerts the caller has not read; false: only those it has. */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Alerts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ALERT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Alerts_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ALERT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Alerts_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ALERT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Alerts_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKeys_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKeys_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN`, `API_KEY_PLATFORM_REFUSED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKeys_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `API_KEY_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiKeys_scopes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScopesDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Audit_list: {
        parameters: {
            query?: {
                /** @description Only this action; a value ending in `.` (`session.`) matches every action it starts. */
                action?: string;
                /** @description Only entries by this login. */
                actorUserId?: string;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Only entries at or after this time. */
                from?: string;
                limit?: number;
                /** @description Only entries by or about this organisation. */
                organizationId?: string;
                /** @description Only entries about this resource (its id). */
                resourceId?: string;
                /** @description Only entries about resources of this type. */
                resourceType?: string;
                /** @description Only entries before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_INVALID_CREDENTIALS` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_RATE_LIMITED` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Auth_logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send `1` when the refresh token is to come from the `zizhu_refresh` cookie. */
                "X-Zizhu-Console"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description The session (refresh-token family and its access tokens) is revoked, and the cookie cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REFRESH_MISSING` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_CONSOLE_HEADER_REQUIRED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Auth_refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send `1` when the refresh token is to come from the `zizhu_refresh` cookie. */
                "X-Zizhu-Console"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description A new pair; the refresh token sent is spent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REFRESH_MISSING`, `AUTH_REFRESH_INVALID`, `AUTH_REFRESH_REUSED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_CONSOLE_HEADER_REQUIRED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_list: {
        parameters: {
            query?: {
                limit?: number;
                merchantAccountId?: string;
                offset?: number;
                /** @description Only the complaints about this session. */
                sessionId?: string;
                state?: "PENDING" | "PROCESSING" | "PROCESSED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_complete: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOT_FOUND`, `COMPLAINT_NOT_YOURS_TO_ACT` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_PROCESSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_uploadImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/bmp": string;
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintImageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOT_FOUND`, `COMPLAINT_NOT_YOURS_TO_ACT` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_IMAGE_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_IMAGE_TYPE` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_IMAGE_UPLOAD_FAILED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_media: {
        parameters: {
            query: {
                /** @description A media URL of this complaint (its `media` or its history), exactly as given. */
                url: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": string;
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOT_FOUND`, `COMPLAINT_MEDIA_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_MEDIA_UNAVAILABLE` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_payerPhone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayerPhoneDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOT_FOUND`, `COMPLAINT_NOT_YOURS_TO_ACT`, `COMPLAINT_NO_PHONE` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_refund: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplaintRefundDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOT_FOUND`, `COMPLAINT_NOT_YOURS_TO_ACT` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_INVALID_STATE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `COMPLAINT_NO_SESSION`, `SESSION_REFUND_EXCEEDS_PAID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_refundProgress: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplaintRefundProgressDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOT_FOUND`, `COMPLAINT_NOT_YOURS_TO_ACT` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_PROCESSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_reply: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplaintReplyDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOT_FOUND`, `COMPLAINT_NOT_YOURS_TO_ACT` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_PROCESSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Consumers_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsumerLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsumerTokenDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONSUMER_CODE_INVALID` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_APPID_UNKNOWN` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `CONSUMER_WECHAT_UNAVAILABLE` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Consumers_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsumerMeDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ConsumerSessions_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartSessionDto"];
            };
        };
        responses: {
            /** @description Scan: the Pay Score order is created; open businessView with wx.openBusinessView to confirm. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsumerSessionDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `SESSION_POSITION_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_DEVICE_UNAVAILABLE`, `SESSION_NO_CHARGED_BANK`, `SESSION_DEVICE_BUSY`, `SESSION_TOO_MANY_ATTEMPTS` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_PLAN_MISSING`, `PAYSCORE_SERVICE_NOT_CONFIGURED`, `PAYSCORE_SCENARIO_MISMATCH`, `PAYSCORE_RISK_CAP_EXCEEDED`, `SESSION_APPID_NOT_BOUND` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ConsumerSessions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsumerSessionDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ConsumerSessions_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user backed out before confirming: the order is cancelled, nothing is charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsumerSessionDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_INVALID_STATE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ConsumerSessions_confirmed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back from the confirmation page: the order is queried now (fallback for the USER_CONFIRM callback). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsumerSessionDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_list: {
        parameters: {
            query?: {
                /** @description Devices whose code starts with this (case-insensitive). */
                code?: string;
                limit?: number;
                offset?: number;
                /** @description The stored online flag (kept for API clients; the console filters by `status`). */
                online?: boolean;
                organizationId?: string;
                siteId?: string;
                /** @description `ONLINE`: heard from within 3 heartbeat intervals (the offline sweep’s threshold, computed at read time) and its latest heartbeat reports no fault; `FAULTED`: heard from within 3 intervals but its latest heartbeat carries a `fault` (any value but null, false, 0, "", [] or {}); `OFFLINE`: not heard from for 3 intervals, never heard from, or its secret is revoked. */
                status?: "ONLINE" | "OFFLINE" | "FAULTED";
                /** @description The device type, which is its vertical. */
                type?: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Devices you may see, filtered by status, site, organisation, type and code prefix. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDeviceDto"];
            };
        };
        responses: {
            /** @description The device and its secret, shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvisionedDeviceDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `DEVICE_INVALID`, `DEVICE_PLAN_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SITE_NOT_FOUND`, `DEVICE_PLAN_NOT_FOUND`, `PAYSCORE_SERVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_CODE_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYSCORE_SCENARIO_MISMATCH`, `PAYSCORE_RISK_CAP_EXCEEDED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_commandList: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                state?: "QUEUED" | "DELIVERED" | "SUCCEEDED" | "FAILED" | "EXPIRED";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_sendCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendCommandDto"];
            };
        };
        responses: {
            /** @description Queued; the device fetches it by long poll. Audited. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_REVOKED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_COMMAND_NOT_SUPPORTED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_command: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commandId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND`, `DEVICE_COMMAND_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PowerBanks_inventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceInventoryDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DevicePayscore_bind: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BindPayscoreServiceDto"];
            };
        };
        responses: {
            /** @description The device’s new binding and the risk fund its plan asks for. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevicePayscoreBindingDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND`, `PAYSCORE_SERVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYSCORE_SCENARIO_MISMATCH`, `PAYSCORE_RISK_CAP_EXCEEDED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_setPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetDevicePlanDto"];
            };
        };
        responses: {
            /** @description The plan’s new current version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanRefDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `DEVICE_PLAN_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND`, `DEVICE_PLAN_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FridgeStock_planogram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanogramDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_NOT_A_FRIDGE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FridgeStock_putPlanogram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutPlanogramDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanogramDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_NOT_A_FRIDGE`, `STOCK_SKU_UNKNOWN`, `STOCK_SLOT_DUPLICATE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FridgeStock_restocks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestockListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_NOT_A_FRIDGE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FridgeStock_restock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRestockDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestockDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_NOT_A_FRIDGE`, `STOCK_SKU_UNKNOWN`, `STOCK_SKU_DUPLICATE`, `STOCK_NOTHING_TO_RECORD` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The device is refused from now on, until its secret is rotated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FridgeStock_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_NOT_A_FRIDGE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FridgeStock_counts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockCountListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_NOT_A_FRIDGE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FridgeStock_count: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStockCountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockCountDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_NOT_A_FRIDGE`, `STOCK_SKU_UNKNOWN`, `STOCK_SKU_DUPLICATE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FridgeStock_movements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockMovementListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STOCK_NOT_A_FRIDGE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_telemetry: {
        parameters: {
            query?: {
                /** @description Start of the range (default: 24 hours before `to`). */
                from?: string;
                /** @description At most this many buckets. */
                maxPoints?: number;
                /** @description End of the range, exclusive (default: now). At most 31 days after `from`. */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetrySeriesDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_transfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferDeviceDto"];
            };
        };
        responses: {
            /** @description The device in the customer’s fleet, revoked until the customer rotates its secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND`, `DEVICE_TRANSFER_CUSTOMER_NOT_FOUND`, `SITE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_TRANSFER_REFUSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_byCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The device with this QR code (404 when it is not yours to see). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Devices_import: {
        parameters: {
            query?: {
                /** @description Check every row and answer the preview; store nothing. */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportDevicesDto"];
            };
        };
        responses: {
            /** @description `dryRun=true`: the preview; nothing was stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPreviewDto"];
                };
            };
            /** @description All rows or none; each device with its secret, shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportedDevicesDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `DEVICE_PLAN_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_CODE_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `DEVICE_IMPORT_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Earnings_get: {
        parameters: {
            query: {
                /** @description First Asia/Shanghai calendar day, inclusive. */
                from: string;
                /** @description The organisation (with those under it). */
                organizationId: string;
                /** @description Last Asia/Shanghai calendar day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EarningsDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `EARNINGS_RANGE_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Earnings_byOrganization: {
        parameters: {
            query: {
                /** @description First Asia/Shanghai calendar day, inclusive. */
                from: string;
                /** @description The organisation (with those under it). */
                organizationId: string;
                /** @description Last Asia/Shanghai calendar day, inclusive. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EarningsByOrganizationDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `EARNINGS_RANGE_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Ledger_balances: {
        parameters: {
            query?: {
                /** @description One organisation (and those under it) whose accounts to read; default: all the caller may see. */
                organizationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerBalancesDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Ledger_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerCheckDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Ledger_entries: {
        parameters: {
            query?: {
                account?: string;
                /** @description Entries effective on or after this day (Asia/Shanghai). */
                from?: string;
                kind?: "SALE" | "REFUND" | "COMMISSION" | "FIXED_FEE" | "MINIMUM_TOP_UP" | "RESELLER_FEE" | "ADJUSTMENT" | "SPLIT" | "SPLIT_RETURN" | "TRANSFER" | "PAYOUT" | "CHANNEL_FEE" | "SETTLEMENT";
                limit?: number;
                offset?: number;
                /** @description One organisation (and those under it) whose accounts to read; default: all the caller may see. */
                organizationId?: string;
                /** @description Entries effective on or before this day. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerEntryListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Ledger_figures: {
        parameters: {
            query: {
                /** @description First day (Asia/Shanghai), by the entries’ effective day. */
                from: string;
                /** @description The organisation whose own accounts to sum (not those under it): a brand, a franchisee, a reseller, a customer. */
                organizationId: string;
                /** @description Last day, included. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerFiguresDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `EARNINGS_RANGE_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_assignees: {
        parameters: {
            query?: {
                /** @description The logins that may take a ticket of this device. */
                deviceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssigneeDto"][];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceSettingsDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_putSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutMaintenanceSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceSettingsDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_list: {
        parameters: {
            query?: {
                /** @description Only the ticket opened from this alert. */
                alertId?: string;
                assigneeId?: string;
                deviceId?: string;
                limit?: number;
                offset?: number;
                state?: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "CLOSED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTicketDto"];
            };
        };
        responses: {
            /** @description The ticket already opened from this alert. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `TICKET_NOT_OPERATOR` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_DEVICE_NOT_FOUND`, `TICKET_ALERT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_INVALID`, `TICKET_ALERT_NOT_DEVICE`, `TICKET_ASSIGNEE_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTicketDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `TICKET_NOT_OPERATOR` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_CLOSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_INVALID`, `TICKET_ASSIGNEE_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_addNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddNoteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `TICKET_NOT_OPERATOR` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_CLOSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_uploadPhoto: {
        parameters: {
            query: {
                /** @description The file’s name (URL-encoded), 1–200 characters. */
                name: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPhotoDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `TICKET_NOT_OPERATOR` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_CLOSED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_PHOTO_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_PHOTO_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photo. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_NOT_FOUND`, `TICKET_PHOTO_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Maintenance_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionTicketDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `TICKET_NOT_OPERATOR` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_INVALID_TRANSITION` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `TICKET_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Auth_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MerchantAccounts_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your merchant accounts and their Pay Score services. Secrets are never returned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantAccountDetailDto"][];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MerchantAccounts_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMerchantAccountDto"];
            };
        };
        responses: {
            /** @description Validated with a signed test call to WeChat Pay first. Audited. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantAccountDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `MERCHANT_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN`, `MERCHANT_NOT_MERCHANT_OF_RECORD` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_MCHID_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_CREDENTIALS_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MerchantAccounts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantAccountDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Acceptance_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptanceRunListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Acceptance_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAcceptanceRunDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptanceRunDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ACCEPTANCE_RUN_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Acceptance_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptanceRunDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND`, `ACCEPTANCE_RUN_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Acceptance_putItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                key: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutChecklistItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptanceRunDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND`, `ACCEPTANCE_RUN_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ACCEPTANCE_RUN_FINISHED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ACCEPTANCE_RUN_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Acceptance_finish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptanceRunDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND`, `ACCEPTANCE_RUN_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ACCEPTANCE_RUN_FINISHED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ACCEPTANCE_RUN_INCOMPLETE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApplicationPack_pack: {
        parameters: {
            query?: {
                /** @description Asia/Shanghai calendar days up to and including today. */
                days?: number;
                /** @description `xlsx`: the same pack as a spreadsheet (attachment). */
                format?: "json" | "xlsx";
                /** @description The fewest paid sessions the figures may come from; fewer answers 422 APPLICATION_PACK_TOO_FEW_SESSIONS. */
                minSessions?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pack (JSON), or with format=xlsx the spreadsheet (attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPackDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `APPLICATION_PACK_TOO_FEW_SESSIONS` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApplicationPack_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPackSettingsDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApplicationPack_putSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutApplicationPackSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPackSettingsDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Complaints_registerNotificationUrl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintNotificationUrlDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOTIFICATION_URL_FAILED` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Onboarding_getCompliance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MerchantAccounts_replaceCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceCredentialsDto"];
            };
        };
        responses: {
            /** @description Replaces the key material, validated the same way; credentialsVersion + 1. Audited. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantAccountDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `MERCHANT_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_DISABLED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_CREDENTIALS_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MerchantAccounts_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account charges nothing from now on. Audited. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantAccountDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Evidence_list: {
        parameters: {
            query?: {
                /** @description Only the files of this purpose (`step:<1.1|1.2|1.3|1.4|2.1|2.2|2.3>` or `acceptance:<runId>:<checklist item key>`); all of the account’s when absent. */
                purpose?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `EVIDENCE_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Evidence_upload: {
        parameters: {
            query: {
                /** @description The file’s name (URL-encoded in the query), 1–200 characters. */
                name: string;
                /** @description What the file is evidence of: `step:<1.1|1.2|1.3|1.4|2.1|2.2|2.3>` or `acceptance:<runId>:<checklist item key>`. */
                purpose: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "image/gif": string;
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "text/plain": string;
                "video/mp4": string;
                "video/quicktime": string;
                "video/webm": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceFileDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ACCEPTANCE_RUN_FINISHED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `EVIDENCE_TOO_LARGE` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `EVIDENCE_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Evidence_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evidenceId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND`, `EVIDENCE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `EVIDENCE_LOCKED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Evidence_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evidenceId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND`, `EVIDENCE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApplicationPack_flowStoryboard: {
        parameters: {
            query?: {
                /** @description A device that charges through the account; absent: its first device with a pricing plan, by code. */
                deviceId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The storyboard: HTML whose Content-Security-Policy (scripts and styles only with its nonce, no network) is sent as a header and also carried in the page itself (a meta element in its head), so it holds in a srcdoc frame and in a saved file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND`, `FLOW_STORYBOARD_DEVICE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `FLOW_STORYBOARD_UNAVAILABLE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Onboarding_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardingDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Onboarding_putStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                step: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutOnboardingStepDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardingDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND`, `ONBOARDING_STEP_INVALID` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ONBOARDING_STEP_BLOCKED`, `EVIDENCE_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Onboarding_putSubject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutOnboardingSubjectDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnboardingDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MerchantAccounts_addService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePayscoreServiceDto"];
            };
        };
        responses: {
            /** @description Registers a Pay Score service id with the scenario, mode and risk cap WeChat approved. Audited. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayscoreServiceDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_DISABLED`, `PAYSCORE_SERVICE_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MerchantAccounts_setTransferScene: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferSceneDto"];
            };
        };
        responses: {
            /** @description The account with its new transfer scene. Audited. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantAccountDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `MERCHANT_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_DISABLED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Organizations_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your organisation and those under it that you may see. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationDto"][];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Organizations_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `ORGANIZATION_MODEL_REQUIRED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_KIND_NOT_ALLOWED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Organizations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Organizations_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameOrganizationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN`, `ORGANIZATION_LEGAL_NAME_NOT_YOURS` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Adjustments_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdjustmentListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ADJUSTMENT_NOT_APPLICABLE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Adjustments_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAdjustmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdjustmentDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `ADJUSTMENT_NOT_APPLICABLE`, `ADJUSTMENT_PERIOD_CLOSED`, `ADJUSTMENT_NO_STATEMENT` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Agreements_inForce: {
        parameters: {
            query?: {
                /** @description The day (Asia/Shanghai) to read the agreement in force on; default today. */
                on?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND`, `AGREEMENT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AGREEMENT_NOT_APPLICABLE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Agreements_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutAgreementDto"];
            };
        };
        responses: {
            /** @description The agreement in force from that date. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AGREEMENT_NOT_APPLICABLE`, `AGREEMENT_PERIOD_CLOSED`, `AGREEMENT_RATIO_ABOVE_MAXIMUM`, `AGREEMENT_NEEDS_OWN_MERCHANT_ACCOUNT` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Agreements_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementHistoryDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AGREEMENT_NOT_APPLICABLE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Branding_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandingDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Branding_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutBrandingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandingDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PayoutPayees_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutPayeeDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYOUT_PAYEE_MISSING` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PayoutPayees_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPayoutPayeeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutPayeeDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYOUT_PAYEE_NOT_APPLICABLE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Organizations_tree: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roots, each with its children, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationTreeNodeDto"][];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Overview_get: {
        parameters: {
            query?: {
                /** @description Only this organisation and those under it (a franchise brand: one franchisee). Another tenant’s id answers 404. */
                organizationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Payouts_list: {
        parameters: {
            query?: {
                limit?: number;
                method?: "OFFLINE_BANK" | "WECHAT_TRANSFER";
                offset?: number;
                /** @description One payee (a franchisee) or payer and those under it. */
                organizationId?: string;
                state?: "REQUESTED" | "PROCESSING" | "SUCCEEDED" | "FAILED";
                /** @description The payouts (attempts) of one statement. */
                statementId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Payouts_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePayoutDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STATEMENT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `PAYOUT_STATEMENT_NOT_CLOSED`, `PAYOUT_NOT_BRAND_COLLECTS`, `PAYOUT_NOTHING_OWED`, `PAYOUT_PAYEE_MISSING`, `PAYOUT_REAL_NAME_REQUIRED`, `PAYOUT_NO_MERCHANT_ACCOUNT`, `PAYOUT_EXISTS` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Payouts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYOUT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Payouts_retry: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYOUT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `PAYOUT_NOT_RETRYABLE`, `PAYOUT_STATEMENT_NOT_CLOSED`, `PAYOUT_PAYEE_MISSING`, `PAYOUT_REAL_NAME_REQUIRED`, `PAYOUT_NO_MERCHANT_ACCOUNT`, `PAYOUT_EXISTS` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PayoutsNotify_notify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Verified and applied (or not a bill of ours). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYOUT_NOTIFY_REJECTED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYOUT_NOTIFY_UNKNOWN_ACCOUNT` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PayscoreServices_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Pay Score services your devices may use (a franchisee: its brand’s enabled ones). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayscoreServiceDto"][];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PayscoreNotify_notify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Verified and stored (or a duplicate); applied right after the answer. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYSCORE_NOTIFY_REJECTED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PAYSCORE_NOTIFY_UNKNOWN_ACCOUNT` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ComplaintNotify_notify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Verified and stored (or a duplicate). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOTIFY_REJECTED` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `COMPLAINT_NOTIFY_UNKNOWN_ACCOUNT` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Plans_list: {
        parameters: {
            query?: {
                /** @description The vertical: plans used by at least one device of this type. */
                deviceType?: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
                limit?: number;
                offset?: number;
                organizationId?: string;
                /** @description Part of the plan’s name (case-insensitive). */
                q?: string;
                /** @description The plan’s kind from its current version’s charge parts (MIXED: more than one). */
                type?: "RENTAL" | "ITEMS" | "ENERGY" | "VOLUME" | "MIXED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Plans_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `DEVICE_PLAN_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Plans_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Plans_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlanDto"];
            };
        };
        responses: {
            /** @description The plan at its new version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `DEVICE_PLAN_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_VERSION_CONFLICT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Plans_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewPlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanRepricingDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `DEVICE_PLAN_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PLAN_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PowerBanks_list: {
        parameters: {
            query?: {
                /** @description Banks whose id starts with this (case-insensitive). */
                bankId?: string;
                /** @description Banks in this cabinet. */
                deviceId?: string;
                /** @description Only flagged banks (true) or only unflagged ones (false). */
                flagged?: boolean;
                limit?: number;
                offset?: number;
                state?: "IN_SLOT" | "RENTED" | "LOST" | "BOUGHT_OUT";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PowerBankListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PowerBanks_clearFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClearPowerBankFlagDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PowerBankDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `POWERBANK_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `POWERBANK_NOT_FLAGGED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProfitSharing_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description One franchisee (the payer) — or a brand: its franchisees’ splits. */
                organizationId?: string;
                state?: "PENDING" | "PROCESSING" | "FINISHED" | "FAILED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfitSharingOrderListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProfitSharing_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfitSharingOrderDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PROFIT_SHARING_ORDER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProfitSharing_retry: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfitSharingOrderDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `PROFIT_SHARING_ORDER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `PROFIT_SHARING_NOT_RETRYABLE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_receivables: {
        parameters: {
            query?: {
                /** @description Only the orders of this age bucket. */
                bucket?: "0-1d" | "1-3d" | "3-7d" | "7-30d" | ">30d";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Completed orders not yet paid: totals still owed, by age, and one page of them. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivablesDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Reconciliation_list: {
        parameters: {
            query?: {
                billDate?: string;
                limit?: number;
                merchantAccountId?: string;
                offset?: number;
                state?: "RUNNING" | "DONE" | "NO_BILL" | "BILL_NOT_READY" | "FAILED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Reconciliation_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReconciliationDto"];
            };
        };
        responses: {
            /** @description The day’s existing run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `MERCHANT_ACCOUNT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RECONCILIATION_BILL_DATE_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Reconciliation_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RECONCILIATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Reconciliation_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                differenceId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveDifferenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationDifferenceDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RECONCILIATION_DIFFERENCE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `RECONCILIATION_DIFFERENCE_RESOLVED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_list: {
        parameters: {
            query?: {
                /** @description Only sessions flagged for an operator to look at (`true`), or only those not flagged (`false`). */
                anomaly?: "true" | "false";
                /** @description Only sessions flagged with this kind of anomaly (the anomaly text starts with it). */
                anomalyKind?: "ORDER_REJECTED" | "ORDER_VANISHED" | "COMPLETE_REFUSED" | "UNKNOWN_ORDER_STATE" | "DONE_WITHOUT_PAYMENT" | "PAID_AMOUNT_MISMATCH" | "ORDER_REVOKED_WHILE_IN_USE" | "ORDER_REVOKED_WHILE_AWAITING_PAYMENT" | "ORDER_EXPIRED_WHILE_IN_USE" | "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT" | "STARTED_AFTER_CANCEL" | "USAGE_INVALID" | "REFUND_ABNORMAL" | "DEVICE_DID_NOT_STOP" | "OTHER";
                /** @description The `nextCursor` of the previous page: the next page without counting the rows before it (stays fast however deep). */
                cursor?: string;
                deviceId?: string;
                /** @description Created on or after this day (Asia/Shanghai), `YYYY-MM-DD`. */
                from?: string;
                limit?: number;
                /** @description Rows to skip (page × limit); ignored with `cursor`. */
                offset?: number;
                /** @description Sessions of this organisation’s devices (one you may see; a franchise brand picks a franchisee). */
                organizationId?: string;
                /** @description A session id, or a Pay Score out_order_no (the current order’s or one a rescan replaced). */
                q?: string;
                /** @description Sessions of the devices at this site (点位). */
                siteId?: string;
                /** @description One or more states (`state=IN_USE&state=PAID` or `state=IN_USE,PAID`). */
                state?: ("AWAITING_CONFIRMATION" | "STARTING" | "IN_USE" | "AWAITING_PAYMENT" | "PAID" | "CANCELLED")[];
                /** @description Created on or before this day (Asia/Shanghai), `YYYY-MM-DD`; not before `from`. */
                to?: string;
                /** @description The vertical: sessions of this kind of device. */
                vertical?: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sessions of the devices you may see, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session, its times, usage, quote, lines sent to WeChat, actions, and the running cost while open. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_collect: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Asks WeChat to try the debit now (催收). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_INVALID_STATE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_end: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndSessionDto"];
            };
        };
        responses: {
            /** @description Ends the session at the given time (the device could not); it is priced and completed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_INVALID_STATE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `SESSION_END_TIME_INVALID`, `SESSION_USAGE_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_modify: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModifySessionDto"];
            };
        };
        responses: {
            /** @description Queues lowering the amount of the unpaid order; the action’s state shows the outcome. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_INVALID_STATE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `SESSION_AMOUNT_INVALID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_refund: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundSessionDto"];
            };
        };
        responses: {
            /** @description Queues a refund (by transaction_id); refunds never add up to more than was paid. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_INVALID_STATE` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `SESSION_REFUND_EXCEEDS_PAID` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_giveUpHeldRefund: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                actionId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_REFUND_NOT_HELD`, `SESSION_REFUND_RETURN_SUCCEEDED` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_retryHeldRefund: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                actionId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SESSION_REFUND_NOT_HELD` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sessions_exportCsv: {
        parameters: {
            query?: {
                /** @description Only sessions flagged for an operator to look at (`true`), or only those not flagged (`false`). */
                anomaly?: "true" | "false";
                /** @description Only sessions flagged with this kind of anomaly (the anomaly text starts with it). */
                anomalyKind?: "ORDER_REJECTED" | "ORDER_VANISHED" | "COMPLETE_REFUSED" | "UNKNOWN_ORDER_STATE" | "DONE_WITHOUT_PAYMENT" | "PAID_AMOUNT_MISMATCH" | "ORDER_REVOKED_WHILE_IN_USE" | "ORDER_REVOKED_WHILE_AWAITING_PAYMENT" | "ORDER_EXPIRED_WHILE_IN_USE" | "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT" | "STARTED_AFTER_CANCEL" | "USAGE_INVALID" | "REFUND_ABNORMAL" | "DEVICE_DID_NOT_STOP" | "OTHER";
                deviceId?: string;
                /** @description Created on or after this day (Asia/Shanghai), `YYYY-MM-DD`. */
                from?: string;
                /** @description Sessions of this organisation’s devices (one you may see; a franchise brand picks a franchisee). */
                organizationId?: string;
                /** @description A session id, or a Pay Score out_order_no (the current order’s or one a rescan replaced). */
                q?: string;
                /** @description Sessions of the devices at this site (点位). */
                siteId?: string;
                /** @description One or more states (`state=IN_USE&state=PAID` or `state=IN_USE,PAID`). */
                state?: ("AWAITING_CONFIRMATION" | "STARTING" | "IN_USE" | "AWAITING_PAYMENT" | "PAID" | "CANCELLED")[];
                /** @description Created on or before this day (Asia/Shanghai), `YYYY-MM-DD`; not before `from`. */
                to?: string;
                /** @description The vertical: sessions of this kind of device. */
                vertical?: "FRIDGE" | "POWERBANK_CABINET" | "EV_CHARGER" | "WATER_VALVE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file (attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sites_list: {
        parameters: {
            query?: {
                city?: string;
                limit?: number;
                offset?: number;
                /** @description Only the sites of this organisation (one you may see). */
                organizationId?: string;
                /** @description Sites whose name contains this (case-insensitive). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sites_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSiteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SITE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Sites_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `SITE_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Statements_list: {
        parameters: {
            query?: {
                /** @description Statements whose period ends on or after this day. */
                from?: string;
                limit?: number;
                offset?: number;
                /** @description One organisation and those under it (a brand: one franchisee). Another tenant’s id answers 404. */
                organizationId?: string;
                status?: "OPEN" | "CLOSED" | "SETTLED";
                /** @description Statements whose period starts on or before this day. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementListDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Statements_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementDetailDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STATEMENT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Statements_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STATEMENT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`, `STATEMENT_NOT_CLOSABLE` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Statements_exportCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file (attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STATEMENT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Statements_exportXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The XLSX file (attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STATEMENT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Statements_settle: {
        parameters: {
            query?: never;
            header: {
                /** @description Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettleStatementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementDetailDto"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REQUIRED`, `IDEMPOTENCY_KEY_INVALID`, `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STATEMENT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `STATEMENT_SETTLE_NOT_CLOSED`, `STATEMENT_ALREADY_SETTLED`, `STATEMENT_SETTLE_BY_PAYOUT` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    StockOverview_belowPar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LowStockListDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Support_lookup: {
        parameters: {
            query: {
                /** @description For `deviceTime` (required there): the moment the user describes, with its offset. */
                at?: string;
                /** @description What `q` is: WeChat’s `transactionId` (微信支付订单号), our `outOrderNo` (商户订单号, any Pay Score order of the session), a `refundNo` (our out_refund_no or WeChat’s refund_id), the user’s `openid`, or `deviceTime` (a device code, with `at`). */
                kind: "transactionId" | "outOrderNo" | "refundNo" | "openid" | "deviceTime";
                /** @description The identifier (for `deviceTime`: the device code). */
                q: string;
                /** @description For `deviceTime`: sessions on the device within this many minutes of `at`. */
                windowMinutes?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sessions found, newest first (deviceTime: nearest to `at` first). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportLookupDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Users_list: {
        parameters: {
            query?: {
                organizationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Users_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description `VALIDATION_FAILED`, `USER_LOGIN_REQUIRED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN`, `USER_API_KEY_REFUSED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ORGANIZATION_NOT_FOUND`, `USER_ORGANIZATION_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `USER_LOGIN_TAKEN` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `USER_ROLE_NOT_ALLOWED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Users_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `USER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Users_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN`, `USER_API_KEY_REFUSED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `USER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `USER_ROLE_NOT_ALLOWED`, `USER_CANNOT_DISABLE_SELF` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Users_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN`, `USER_API_KEY_REFUSED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `USER_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `USER_ROLE_NOT_ALLOWED` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhookDeliveries_deliveries: {
        parameters: {
            query?: {
                endpointId?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhookDeliveries_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `WEBHOOK_DELIVERY_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhookEndpoints_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointListDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhookEndpoints_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEndpointDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN`, `API_KEY_PLATFORM_REFUSED` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhookEndpoints_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `WEBHOOK_ENDPOINT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhookEndpoints_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEndpointDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointDto"];
                };
            };
            /** @description `VALIDATION_FAILED` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `WEBHOOK_ENDPOINT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhookEndpoints_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestResultDto"];
                };
            };
            /** @description `AUTH_REQUIRED`, `AUTH_TOKEN_INVALID`, `AUTH_TOKEN_REVOKED`, `AUTH_TENANT_GONE` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `AUTH_READ_ONLY`, `AUTH_FORBIDDEN` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `WEBHOOK_ENDPOINT_NOT_FOUND` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsV1AlertsGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/alerts"]["get"]["parameters"]["query"]["kind"]> = ["DEVICE_OFFLINE", "DEVICE_START_FAILURES", "COLLECTION_FAILING", "REFUND_STUCK", "RECONCILIATION_DIFFERENCE", "COMPLAINT_DEADLINE", "COMPLAINT_RATE", "PAYOUT_FAILED", "FRIDGE_LOW_STOCK", "POWERBANK_FLAGGED"];
export const pathsV1AlertsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/alerts"]["get"]["parameters"]["query"]["state"]> = ["OPEN", "ACKNOWLEDGED", "RESOLVED"];
export const pathsV1ComplaintsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/complaints"]["get"]["parameters"]["query"]["state"]> = ["PENDING", "PROCESSING", "PROCESSED"];
export const pathsV1DevicesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/devices"]["get"]["parameters"]["query"]["status"]> = ["ONLINE", "OFFLINE", "FAULTED"];
export const pathsV1DevicesGetParametersQueryTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/devices"]["get"]["parameters"]["query"]["type"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const pathsV1DevicesIdCommandsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/devices/{id}/commands"]["get"]["parameters"]["query"]["state"]> = ["QUEUED", "DELIVERED", "SUCCEEDED", "FAILED", "EXPIRED"];
export const pathsV1LedgerEntriesGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/ledger/entries"]["get"]["parameters"]["query"]["kind"]> = ["SALE", "REFUND", "COMMISSION", "FIXED_FEE", "MINIMUM_TOP_UP", "RESELLER_FEE", "ADJUSTMENT", "SPLIT", "SPLIT_RETURN", "TRANSFER", "PAYOUT", "CHANNEL_FEE", "SETTLEMENT"];
export const pathsV1MaintenanceTicketsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/maintenance/tickets"]["get"]["parameters"]["query"]["state"]> = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"];
export const pathsV1MerchantAccountsIdApplicationPackGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/merchant-accounts/{id}/application-pack"]["get"]["parameters"]["query"]["format"]> = ["json", "xlsx"];
export const pathsV1PayoutsGetParametersQueryMethodValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/payouts"]["get"]["parameters"]["query"]["method"]> = ["OFFLINE_BANK", "WECHAT_TRANSFER"];
export const pathsV1PayoutsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/payouts"]["get"]["parameters"]["query"]["state"]> = ["REQUESTED", "PROCESSING", "SUCCEEDED", "FAILED"];
export const pathsV1PlansGetParametersQueryDeviceTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/plans"]["get"]["parameters"]["query"]["deviceType"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const pathsV1PlansGetParametersQueryTypeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/plans"]["get"]["parameters"]["query"]["type"]> = ["RENTAL", "ITEMS", "ENERGY", "VOLUME", "MIXED"];
export const pathsV1PowerBanksGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/power-banks"]["get"]["parameters"]["query"]["state"]> = ["IN_SLOT", "RENTED", "LOST", "BOUGHT_OUT"];
export const pathsV1ProfitSharingOrdersGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/profit-sharing-orders"]["get"]["parameters"]["query"]["state"]> = ["PENDING", "PROCESSING", "FINISHED", "FAILED"];
export const pathsV1ReceivablesGetParametersQueryBucketValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/receivables"]["get"]["parameters"]["query"]["bucket"]> = ["0-1d", "1-3d", "3-7d", "7-30d", ">30d"];
export const pathsV1ReconciliationsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/reconciliations"]["get"]["parameters"]["query"]["state"]> = ["RUNNING", "DONE", "NO_BILL", "BILL_NOT_READY", "FAILED"];
export const pathsV1SessionsGetParametersQueryAnomalyValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/sessions"]["get"]["parameters"]["query"]["anomaly"]> = ["true", "false"];
export const pathsV1SessionsGetParametersQueryAnomalyKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/sessions"]["get"]["parameters"]["query"]["anomalyKind"]> = ["ORDER_REJECTED", "ORDER_VANISHED", "COMPLETE_REFUSED", "UNKNOWN_ORDER_STATE", "DONE_WITHOUT_PAYMENT", "PAID_AMOUNT_MISMATCH", "ORDER_REVOKED_WHILE_IN_USE", "ORDER_REVOKED_WHILE_AWAITING_PAYMENT", "ORDER_EXPIRED_WHILE_IN_USE", "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT", "STARTED_AFTER_CANCEL", "USAGE_INVALID", "REFUND_ABNORMAL", "DEVICE_DID_NOT_STOP", "OTHER"];
export const pathsV1SessionsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/sessions"]["get"]["parameters"]["query"]["state"]> = ["AWAITING_CONFIRMATION", "STARTING", "IN_USE", "AWAITING_PAYMENT", "PAID", "CANCELLED"];
export const pathsV1SessionsGetParametersQueryVerticalValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/sessions"]["get"]["parameters"]["query"]["vertical"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const pathsV1SessionsExportCsvGetParametersQueryAnomalyValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/sessions/export.csv"]["get"]["parameters"]["query"]["anomaly"]> = ["true", "false"];
export const pathsV1SessionsExportCsvGetParametersQueryAnomalyKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/sessions/export.csv"]["get"]["parameters"]["query"]["anomalyKind"]> = ["ORDER_REJECTED", "ORDER_VANISHED", "COMPLETE_REFUSED", "UNKNOWN_ORDER_STATE", "DONE_WITHOUT_PAYMENT", "PAID_AMOUNT_MISMATCH", "ORDER_REVOKED_WHILE_IN_USE", "ORDER_REVOKED_WHILE_AWAITING_PAYMENT", "ORDER_EXPIRED_WHILE_IN_USE", "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT", "STARTED_AFTER_CANCEL", "USAGE_INVALID", "REFUND_ABNORMAL", "DEVICE_DID_NOT_STOP", "OTHER"];
export const pathsV1SessionsExportCsvGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/sessions/export.csv"]["get"]["parameters"]["query"]["state"]> = ["AWAITING_CONFIRMATION", "STARTING", "IN_USE", "AWAITING_PAYMENT", "PAID", "CANCELLED"];
export const pathsV1SessionsExportCsvGetParametersQueryVerticalValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/sessions/export.csv"]["get"]["parameters"]["query"]["vertical"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const pathsV1StatementsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/statements"]["get"]["parameters"]["query"]["status"]> = ["OPEN", "CLOSED", "SETTLED"];
export const pathsV1SupportLookupGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/v1/support/lookup"]["get"]["parameters"]["query"]["kind"]> = ["transactionId", "outOrderNo", "refundNo", "openid", "deviceTime"];
export const acceptanceChecklistItemDtoKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AcceptanceChecklistItemDto"]["key"]> = ["SCREEN_RECORDING", "ONSITE_VIDEO", "COMPLETED_ORDER_DETAIL", "CANCELLED_ORDER_DETAIL", "PLATFORM_RECORDS"];
export const acceptanceChecklistItemDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AcceptanceChecklistItemDto"]["source"]> = ["REAL_WECHAT_APP", "PLATFORM"];
export const acceptanceSessionDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AcceptanceSessionDto"]["state"]> = ["PAID", "CANCELLED"];
export const adjustmentDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AdjustmentDto"]["kind"]> = ["FRANCHISE", "RESELLER"];
export const adjustmentDtoStatementStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AdjustmentDto"]["statementStatus"]> = ["OPEN", "CLOSED", "SETTLED"];
export const agingBucketDtoBucketValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgingBucketDto"]["bucket"]> = ["0-1d", "1-3d", "3-7d", "7-30d", ">30d"];
export const agreementDtoCollectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementDto"]["collection"]> = ["BRAND_COLLECTS", "FRANCHISEE_COLLECTS"];
export const agreementDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementDto"]["kind"]> = ["FRANCHISE", "RESELLER"];
export const agreementDtoPeriodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementDto"]["period"]> = ["DAILY", "WEEKLY", "MONTHLY"];
export const alertDtoCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertDto"]["category"]> = ["FLEET", "MONEY"];
export const alertDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertDto"]["kind"]> = ["DEVICE_OFFLINE", "DEVICE_START_FAILURES", "COLLECTION_FAILING", "REFUND_STUCK", "RECONCILIATION_DIFFERENCE", "COMPLAINT_DEADLINE", "COMPLAINT_RATE", "PAYOUT_FAILED", "FRIDGE_LOW_STOCK", "POWERBANK_FLAGGED"];
export const alertDtoSeverityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertDto"]["severity"]> = ["INFO", "WARNING", "CRITICAL"];
export const alertDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertDto"]["state"]> = ["OPEN", "ACKNOWLEDGED", "RESOLVED"];
export const alertRuleChangeDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertRuleChangeDto"]["kind"]> = ["DEVICE_OFFLINE", "DEVICE_START_FAILURES", "COLLECTION_FAILING", "REFUND_STUCK", "RECONCILIATION_DIFFERENCE", "COMPLAINT_DEADLINE", "COMPLAINT_RATE", "PAYOUT_FAILED", "FRIDGE_LOW_STOCK", "POWERBANK_FLAGGED"];
export const alertRuleDtoCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertRuleDto"]["category"]> = ["FLEET", "MONEY"];
export const alertRuleDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertRuleDto"]["kind"]> = ["DEVICE_OFFLINE", "DEVICE_START_FAILURES", "COLLECTION_FAILING", "REFUND_STUCK", "RECONCILIATION_DIFFERENCE", "COMPLAINT_DEADLINE", "COMPLAINT_RATE", "PAYOUT_FAILED", "FRIDGE_LOW_STOCK", "POWERBANK_FLAGGED"];
export const alertRuleDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertRuleDto"]["source"]> = ["OWN", "BRAND", "DEFAULT"];
export const alertRuleDtoUnitValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AlertRuleDto"]["unit"]> = ["MINUTES", "HOURS", "DAYS", "COUNT", "PERCENT"];
export const amountRangeDtoRangeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AmountRangeDto"]["range"]> = ["0-10", "10-50", "50-99", "99+"];
export const applicationPackDtoOperatingModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ApplicationPackDto"]["operatingModel"]> = ["\u7EAF\u81EA\u8425", "\u52A0\u76DF", "\u786C\u4EF6\u552E\u5356"];
export const applicationPackDtoSubjectNameSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ApplicationPackDto"]["subjectNameSource"]> = ["LEGAL_NAME", "DISPLAY_NAME"];
export const brandingSourcesDtoBrandNameValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BrandingSourcesDto"]["brandName"]> = ["OWN", "BRAND", "ENVIRONMENT", "DEFAULT"];
export const brandingSourcesDtoColorValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BrandingSourcesDto"]["color"]> = ["OWN", "BRAND", "ENVIRONMENT", "DEFAULT"];
export const brandingSourcesDtoOtherPaymentUrlValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BrandingSourcesDto"]["otherPaymentUrl"]> = ["OWN", "BRAND", "ENVIRONMENT", "DEFAULT"];
export const brandingSourcesDtoServicePhoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BrandingSourcesDto"]["servicePhone"]> = ["OWN", "BRAND", "ENVIRONMENT", "DEFAULT"];
export const commandAckDtoResultValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CommandAckDto"]["result"]> = ["SUCCEEDED", "FAILED"];
export const commandAckResponseDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CommandAckResponseDto"]["state"]> = ["SUCCEEDED", "FAILED"];
export const commandDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CommandDto"]["state"]> = ["QUEUED", "DELIVERED", "SUCCEEDED", "FAILED", "EXPIRED"];
export const commandDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CommandDto"]["type"]> = ["UNLOCK", "EJECT", "START_CHARGING", "STOP_CHARGING", "OPEN_VALVE", "CLOSE_VALVE", "REBOOT"];
export const complaintActionDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintActionDto"]["kind"]> = ["REPLY", "COMPLETE", "REFUND_PROGRESS", "REFUND"];
export const complaintActionDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintActionDto"]["state"]> = ["PENDING", "SUCCEEDED", "FAILED"];
export const complaintDetailDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintDetailDto"]["state"]> = ["PENDING", "PROCESSING", "PROCESSED"];
export const complaintMediaDtoMediaTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintMediaDto"]["mediaType"]> = ["USER_COMPLAINT_IMAGE", "OPERATION_IMAGE"];
export const complaintNotificationStatusDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintNotificationStatusDto"]["state"]> = ["REGISTERED", "PENDING", "FAILED", "UNAVAILABLE"];
export const complaintNotificationStatusDtoUnavailableReasonValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintNotificationStatusDto"]["unavailableReason"]> = ["ACCOUNT_DISABLED", "PLATFORM_KEYS_UNCONFIRMED"];
export const complaintRefundProgressDtoActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintRefundProgressDto"]["action"]> = ["APPROVE", "REJECT"];
export const complaintSummaryDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintSummaryDto"]["state"]> = ["PENDING", "PROCESSING", "PROCESSED"];
export const complianceServiceDtoModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplianceServiceDto"]["mode"]> = ["DEPOSIT_WAIVED", "USE_FIRST"];
export const complianceServiceDtoScenarioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplianceServiceDto"]["scenario"]> = ["VENDING", "POWERBANK_RENTAL", "EV_CHARGING", "WATER"];
export const consumerLoginDtoGrantValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConsumerLoginDto"]["grant"]> = ["wx.login", "snsapi_base"];
export const consumerSessionDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConsumerSessionDto"]["state"]> = ["AWAITING_CONFIRMATION", "STARTING", "IN_USE", "AWAITING_PAYMENT", "PAID", "CANCELLED"];
export const createApiKeyDtoScopesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateApiKeyDto"]["scopes"]> = ["organizations.read", "organizations.create", "organizations.write", "users.read", "users.write", "audit.read", "sites.read", "sites.write", "devices.read", "devices.write", "devices.transfer", "plans.read", "plans.write", "sessions.read", "sessions.act", "complaints.read", "complaints.act", "money.read", "merchantAccounts.read", "merchantAccounts.write", "reconciliations.read", "reconciliations.write", "alerts.read", "alerts.write", "settlement.read", "settlement.write", "profitSharing.write", "onboarding.read", "onboarding.write", "support.search", "stock.read", "stock.write", "integrations.manage", "maintenance.read", "maintenance.write"];
export const createEndpointDtoEventsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateEndpointDto"]["events"]> = ["session.paid", "session.cancelled", "refund.succeeded", "device.offline", "device.online", "complaint.created"];
export const createOrganizationDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateOrganizationDto"]["kind"]> = ["OPERATOR", "FRANCHISEE", "CUSTOMER"];
export const createOrganizationDtoOperatingModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateOrganizationDto"]["operatingModel"]> = ["SELF_RUN", "FRANCHISE", "HARDWARE_SALE"];
export const createPayoutDtoMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreatePayoutDto"]["method"]> = ["OFFLINE_BANK", "WECHAT_TRANSFER"];
export const createPayscoreServiceDtoModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreatePayscoreServiceDto"]["mode"]> = ["DEPOSIT_WAIVED", "USE_FIRST"];
export const createPayscoreServiceDtoScenarioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreatePayscoreServiceDto"]["scenario"]> = ["VENDING", "POWERBANK_RENTAL", "EV_CHARGING", "WATER"];
export const createUserDtoRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateUserDto"]["role"]> = ["PLATFORM_ADMIN", "OPERATOR_ADMIN", "OPERATOR_STAFF", "FRANCHISEE_ADMIN", "CUSTOMER_ADMIN", "TECHNICIAN"];
export const deliveryDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeliveryDto"]["state"]> = ["PENDING", "DELIVERED", "FAILED"];
export const deviceCommandWireDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeviceCommandWireDto"]["type"]> = ["UNLOCK", "EJECT", "START_CHARGING", "STOP_CHARGING", "OPEN_VALVE", "CLOSE_VALVE", "REBOOT"];
export const deviceDetailDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeviceDetailDto"]["status"]> = ["ONLINE", "OFFLINE", "FAULTED"];
export const deviceDetailDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeviceDetailDto"]["type"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const deviceDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeviceDto"]["type"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const deviceEventDtoClockFlagValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeviceEventDto"]["clockFlag"]> = ["DEVICE_CLOCK_SKEWED", "OCCURRED_IN_FUTURE"];
export const deviceEventDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeviceEventDto"]["source"]> = ["DEVICE", "PLATFORM"];
export const deviceListItemDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeviceListItemDto"]["status"]> = ["ONLINE", "OFFLINE", "FAULTED"];
export const deviceListItemDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeviceListItemDto"]["type"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const endpointDtoEventsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EndpointDto"]["events"]> = ["session.paid", "session.cancelled", "refund.succeeded", "device.offline", "device.online", "complaint.created"];
export const evidenceFileDtoContentTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["EvidenceFileDto"]["contentType"]> = ["image/png", "image/jpeg", "image/webp", "image/gif", "video/mp4", "video/quicktime", "video/webm", "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain"];
export const ledgerEntryDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["LedgerEntryDto"]["kind"]> = ["SALE", "REFUND", "COMMISSION", "FIXED_FEE", "MINIMUM_TOP_UP", "RESELLER_FEE", "ADJUSTMENT", "SPLIT", "SPLIT_RETURN", "TRANSFER", "PAYOUT", "CHANNEL_FEE", "SETTLEMENT"];
export const ledgerEntryDtoSourceKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["LedgerEntryDto"]["sourceKind"]> = ["SESSION_PAID", "REFUND", "STATEMENT", "ADJUSTMENT", "SPLIT", "SPLIT_RETURN", "TRANSFER", "PAYOUT", "CHANNEL_FEE", "SETTLEMENT"];
export const maintenanceSettingsDtoAutoTicketKindsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MaintenanceSettingsDto"]["autoTicketKinds"]> = ["DEVICE_OFFLINE", "DEVICE_START_FAILURES"];
export const maintenanceSettingsDtoAvailableValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MaintenanceSettingsDto"]["available"]> = ["DEVICE_OFFLINE", "DEVICE_START_FAILURES"];
export const meDtoOperatingModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeDto"]["operatingModel"]> = ["SELF_RUN", "FRANCHISE", "HARDWARE_SALE"];
export const meDtoOrganizationKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeDto"]["organizationKind"]> = ["PLATFORM", "OPERATOR", "FRANCHISEE", "CUSTOMER"];
export const meDtoPermissionsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeDto"]["permissions"]> = ["organizations.read", "organizations.create", "organizations.write", "users.read", "users.write", "audit.read", "sites.read", "sites.write", "devices.read", "devices.write", "devices.transfer", "plans.read", "plans.write", "sessions.read", "sessions.act", "complaints.read", "complaints.act", "money.read", "merchantAccounts.read", "merchantAccounts.write", "reconciliations.read", "reconciliations.write", "alerts.read", "alerts.write", "settlement.read", "settlement.write", "profitSharing.write", "onboarding.read", "onboarding.write", "support.search", "stock.read", "stock.write", "integrations.manage", "maintenance.read", "maintenance.write"];
export const merchantAccountDetailDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MerchantAccountDetailDto"]["status"]> = ["ACTIVE", "DISABLED"];
export const merchantAccountDetailDtoValidationResultValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MerchantAccountDetailDto"]["validationResult"]> = ["ACCEPTED", "NOT_VALIDATED"];
export const onboardingDtoSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OnboardingDto"]["subjectType"]> = ["ENTERPRISE", "INSTITUTION", "GOVERNMENT", "OTHER_ORGANIZATION", "INDIVIDUAL_BUSINESS", "MICRO_MERCHANT", "SERVICE_PROVIDER"];
export const onboardingNextActionDtoStepValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OnboardingNextActionDto"]["step"]> = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3"];
export const onboardingStepDtoKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OnboardingStepDto"]["key"]> = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3"];
export const onboardingStepDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OnboardingStepDto"]["state"]> = ["TODO", "IN_PROGRESS", "SUBMITTED", "DONE", "BLOCKED"];
export const orderAttemptDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OrderAttemptDto"]["state"]> = ["CURRENT", "SUPERSEDED", "REVOKED", "ABANDONED"];
export const organizationDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OrganizationDto"]["kind"]> = ["PLATFORM", "OPERATOR", "FRANCHISEE", "CUSTOMER"];
export const organizationDtoOperatingModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OrganizationDto"]["operatingModel"]> = ["SELF_RUN", "FRANCHISE", "HARDWARE_SALE"];
export const organizationTreeNodeDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OrganizationTreeNodeDto"]["kind"]> = ["PLATFORM", "OPERATOR", "FRANCHISEE", "CUSTOMER"];
export const organizationTreeNodeDtoOperatingModelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OrganizationTreeNodeDto"]["operatingModel"]> = ["SELF_RUN", "FRANCHISE", "HARDWARE_SALE"];
export const overviewDtoScopeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OverviewDto"]["scope"]> = ["FULL", "FLEET_ONLY"];
export const packAttachmentDtoKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PackAttachmentDto"]["key"]> = ["interaction-flow", "device-photos", "business-licence", "purchase-agreement", "complaints-cleared", "wechat-group"];
export const payoutDtoMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PayoutDto"]["method"]> = ["OFFLINE_BANK", "WECHAT_TRANSFER"];
export const payoutDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PayoutDto"]["state"]> = ["REQUESTED", "PROCESSING", "SUCCEEDED", "FAILED"];
export const payoutDtoWechatStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PayoutDto"]["wechatState"]> = ["ACCEPTED", "PROCESSING", "WAIT_USER_CONFIRM", "TRANSFERING", "SUCCESS", "FAIL", "CANCELING", "CANCELLED"];
export const payscoreServiceDtoModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PayscoreServiceDto"]["mode"]> = ["DEPOSIT_WAIVED", "USE_FIRST"];
export const payscoreServiceDtoScenarioValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PayscoreServiceDto"]["scenario"]> = ["VENDING", "POWERBANK_RENTAL", "EV_CHARGING", "WATER"];
export const planDetailDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PlanDetailDto"]["type"]> = ["RENTAL", "ITEMS", "ENERGY", "VOLUME", "MIXED"];
export const planDeviceDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PlanDeviceDto"]["type"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const planSummaryDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PlanSummaryDto"]["type"]> = ["RENTAL", "ITEMS", "ENERGY", "VOLUME", "MIXED"];
export const planVersionDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PlanVersionDto"]["type"]> = ["RENTAL", "ITEMS", "ENERGY", "VOLUME", "MIXED"];
export const powerBankDtoFlagValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PowerBankDto"]["flag"]> = ["RETURNED_AFTER_BUYOUT", "FOREIGN_RETURN", "EJECT_CONFLICT", "STALE_RETURN"];
export const powerBankDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PowerBankDto"]["state"]> = ["IN_SLOT", "RENTED", "LOST", "BOUGHT_OUT"];
export const profitSharingOrderDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProfitSharingOrderDto"]["state"]> = ["PENDING", "PROCESSING", "FINISHED", "FAILED"];
export const putAgreementDtoCollectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PutAgreementDto"]["collection"]> = ["BRAND_COLLECTS", "FRANCHISEE_COLLECTS"];
export const putAgreementDtoPeriodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PutAgreementDto"]["period"]> = ["DAILY", "WEEKLY", "MONTHLY"];
export const putMaintenanceSettingsDtoAutoTicketKindsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PutMaintenanceSettingsDto"]["autoTicketKinds"]> = ["DEVICE_OFFLINE", "DEVICE_START_FAILURES"];
export const putOnboardingStepDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PutOnboardingStepDto"]["state"]> = ["TODO", "IN_PROGRESS", "SUBMITTED", "DONE"];
export const putOnboardingSubjectDtoSubjectTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PutOnboardingSubjectDto"]["subjectType"]> = ["ENTERPRISE", "INSTITUTION", "GOVERNMENT", "OTHER_ORGANIZATION", "INDIVIDUAL_BUSINESS", "MICRO_MERCHANT", "SERVICE_PROVIDER"];
export const putWebhookDtoFormatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PutWebhookDto"]["format"]> = ["JSON", "WECOM"];
export const receivableDtoAnomalyKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReceivableDto"]["anomalyKind"]> = ["ORDER_REJECTED", "ORDER_VANISHED", "COMPLETE_REFUSED", "UNKNOWN_ORDER_STATE", "DONE_WITHOUT_PAYMENT", "PAID_AMOUNT_MISMATCH", "ORDER_REVOKED_WHILE_IN_USE", "ORDER_REVOKED_WHILE_AWAITING_PAYMENT", "ORDER_EXPIRED_WHILE_IN_USE", "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT", "STARTED_AFTER_CANCEL", "USAGE_INVALID", "REFUND_ABNORMAL", "DEVICE_DID_NOT_STOP", "OTHER"];
export const receivableDtoBucketValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReceivableDto"]["bucket"]> = ["0-1d", "1-3d", "3-7d", "7-30d", ">30d"];
export const receivableDtoDeviceTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReceivableDto"]["deviceType"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const receivableDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReceivableDto"]["state"]> = ["AWAITING_CONFIRMATION", "STARTING", "IN_USE", "AWAITING_PAYMENT", "PAID", "CANCELLED"];
export const reconciliationBillDtoBillValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReconciliationBillDto"]["bill"]> = ["TRADE", "FUND_FLOW", "PROFIT_SHARING"];
export const reconciliationDifferenceDtoBillValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReconciliationDifferenceDto"]["bill"]> = ["TRADE", "FUND_FLOW", "PROFIT_SHARING"];
export const reconciliationDifferenceDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReconciliationDifferenceDto"]["kind"]> = ["MISSING_LOCAL", "MISSING_AT_WECHAT", "AMOUNT_MISMATCH", "REFUND_STATE_MISMATCH"];
export const reconciliationDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReconciliationDto"]["state"]> = ["RUNNING", "DONE", "NO_BILL", "BILL_NOT_READY", "FAILED"];
export const reconciliationDtoTriggerValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReconciliationDto"]["trigger"]> = ["MANUAL", "SCHEDULE"];
export const reconciliationSummaryDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReconciliationSummaryDto"]["state"]> = ["RUNNING", "DONE", "NO_BILL", "BILL_NOT_READY", "FAILED"];
export const registerDeviceDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RegisterDeviceDto"]["type"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const sendCommandDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SendCommandDto"]["type"]> = ["UNLOCK", "EJECT", "START_CHARGING", "STOP_CHARGING", "OPEN_VALVE", "CLOSE_VALVE", "REBOOT"];
export const sessionActionDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionActionDto"]["kind"]> = ["END", "MODIFY", "COLLECT", "REFUND"];
export const sessionActionDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionActionDto"]["state"]> = ["PENDING", "PROCESSING", "ABNORMAL", "HELD", "SUCCEEDED", "FAILED"];
export const sessionDetailDtoAnomalyKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionDetailDto"]["anomalyKind"]> = ["ORDER_REJECTED", "ORDER_VANISHED", "COMPLETE_REFUSED", "UNKNOWN_ORDER_STATE", "DONE_WITHOUT_PAYMENT", "PAID_AMOUNT_MISMATCH", "ORDER_REVOKED_WHILE_IN_USE", "ORDER_REVOKED_WHILE_AWAITING_PAYMENT", "ORDER_EXPIRED_WHILE_IN_USE", "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT", "STARTED_AFTER_CANCEL", "USAGE_INVALID", "REFUND_ABNORMAL", "DEVICE_DID_NOT_STOP", "OTHER"];
export const sessionDetailDtoDeviceTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionDetailDto"]["deviceType"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const sessionDetailDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionDetailDto"]["state"]> = ["AWAITING_CONFIRMATION", "STARTING", "IN_USE", "AWAITING_PAYMENT", "PAID", "CANCELLED"];
export const sessionDtoAnomalyKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionDto"]["anomalyKind"]> = ["ORDER_REJECTED", "ORDER_VANISHED", "COMPLETE_REFUSED", "UNKNOWN_ORDER_STATE", "DONE_WITHOUT_PAYMENT", "PAID_AMOUNT_MISMATCH", "ORDER_REVOKED_WHILE_IN_USE", "ORDER_REVOKED_WHILE_AWAITING_PAYMENT", "ORDER_EXPIRED_WHILE_IN_USE", "ORDER_EXPIRED_WHILE_AWAITING_PAYMENT", "STARTED_AFTER_CANCEL", "USAGE_INVALID", "REFUND_ABNORMAL", "DEVICE_DID_NOT_STOP", "OTHER"];
export const sessionDtoDeviceTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionDto"]["deviceType"]> = ["FRIDGE", "POWERBANK_CABINET", "EV_CHARGER", "WATER_VALVE"];
export const sessionDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SessionDto"]["state"]> = ["AWAITING_CONFIRMATION", "STARTING", "IN_USE", "AWAITING_PAYMENT", "PAID", "CANCELLED"];
export const settleStatementDtoMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SettleStatementDto"]["method"]> = ["OFFLINE_BANK", "OFFSET", "OTHER"];
export const statementDetailDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementDetailDto"]["kind"]> = ["FRANCHISE", "RESELLER"];
export const statementDetailDtoPeriodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementDetailDto"]["period"]> = ["DAILY", "WEEKLY", "MONTHLY"];
export const statementDetailDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementDetailDto"]["status"]> = ["OPEN", "CLOSED", "SETTLED"];
export const statementDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementDto"]["kind"]> = ["FRANCHISE", "RESELLER"];
export const statementDtoPeriodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementDto"]["period"]> = ["DAILY", "WEEKLY", "MONTHLY"];
export const statementDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementDto"]["status"]> = ["OPEN", "CLOSED", "SETTLED"];
export const statementLineDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementLineDto"]["kind"]> = ["SESSIONS_NET", "COMMISSION", "FIXED_FEE", "MINIMUM_TOP_UP", "RESELLER_FEE", "RESELLER_FIXED_FEE", "ADJUSTMENT", "CHANNEL_FEE"];
export const statementSettlementDtoMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementSettlementDto"]["method"]> = ["OFFLINE_BANK", "OFFSET", "OTHER"];
export const statementStatusTotalDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StatementStatusTotalDto"]["status"]> = ["OPEN", "CLOSED", "SETTLED"];
export const stockMovementDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StockMovementDto"]["kind"]> = ["SALE", "RESTOCK", "EXPIRED", "COUNT"];
export const supportComplaintDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SupportComplaintDto"]["state"]> = ["PENDING", "PROCESSING", "PROCESSED"];
export const supportDeviceReportDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SupportDeviceReportDto"]["source"]> = ["EVENT", "COMMAND", "TELEMETRY"];
export const supportLookupDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SupportLookupDto"]["kind"]> = ["transactionId", "outOrderNo", "refundNo", "openid", "deviceTime"];
export const ticketDetailDtoActionsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketDetailDto"]["actions"]> = ["start", "resolve", "close", "reopen"];
export const ticketDetailDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketDetailDto"]["state"]> = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"];
export const ticketDtoActionsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketDto"]["actions"]> = ["start", "resolve", "close", "reopen"];
export const ticketDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketDto"]["state"]> = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"];
export const ticketEventDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketEventDto"]["kind"]> = ["NOTE", "STATE", "ASSIGNED", "PHOTO"];
export const ticketPhotoDtoContentTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketPhotoDto"]["contentType"]> = ["image/jpeg", "image/png", "image/webp"];
export const timelineEntryDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TimelineEntryDto"]["kind"]> = ["command", "event"];
export const transitionTicketDtoActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TransitionTicketDto"]["action"]> = ["start", "resolve", "close", "reopen"];
export const updateEndpointDtoEventsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateEndpointDto"]["events"]> = ["session.paid", "session.cancelled", "refund.succeeded", "device.offline", "device.online", "complaint.created"];
export const userDtoRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UserDto"]["role"]> = ["PLATFORM_ADMIN", "OPERATOR_ADMIN", "OPERATOR_STAFF", "FRANCHISEE_ADMIN", "CUSTOMER_ADMIN", "TECHNICIAN"];
export const webhookDeliveryDtoEventTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDeliveryDto"]["eventType"]> = ["session.paid", "session.cancelled", "refund.succeeded", "device.offline", "device.online", "complaint.created"];
export const webhookDeliveryDtoStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDeliveryDto"]["state"]> = ["PENDING", "DELIVERED", "FAILED"];
export const webhookDtoFormatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["WebhookDto"]["format"]> = ["JSON", "WECOM"];
