// Generated from docs/openapi.json by openapi-typescript: `npm run openapi:write`.
export interface paths {
    "/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every problem type of this API, as an HTML page. */
        get: operations["ProblemTypesController_index"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/problems/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a problem type means and what to do about it (HTML). */
        get: operations["ProblemTypesController_describe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log (admin), newest first; filter by actor, action, target and time range. */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/security-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign-ins and security changes of your account (password, keys, role, status), newest first. */
        get: operations["AuditController_listMine"];
        put?: never;
        post?: never;
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
        /** Liveness: 200 while the process runs; never checks dependencies. */
        get: operations["HealthController_live"];
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
        /** Readiness: 200 when PostgreSQL and Redis answer; 503 otherwise or once shutdown begins. */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in. */
        post: operations["AuthController_register"];
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
        /** Sign in with email and password: tokens, or `mfaRequired` and an mfaToken when the account uses TOTP. */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a sign-in with MFA: the mfaToken from login and a code of the authenticator app, or a recovery code. */
        post: operations["AuthController_verifyMfa"];
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
        /** Trade a refresh token for new tokens; the old refresh token is spent. */
        post: operations["AuthController_refresh"];
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
        /** End this session: its refresh and access tokens stop working. */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify access tokens (one `kid` per key). */
        get: operations["JwksController_jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/{provider}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with an identity provider.
         * @description Redirects to the provider (authorization code flow with PKCE S256, state and nonce). The attempt expires after 10 minutes and can complete once.
         */
        get: operations["OidcController_authorize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finish signing in: the provider redirects the browser here.
         * @description Creates the account on first sign-in, or links it to an account with the same verified email.
         */
        get: operations["OidcController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify your email with the token of the verification mail; the token works once. */
        post: operations["AccountsController_verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new verification mail; the token of the earlier one stops working. */
        post: operations["AccountsController_resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a password reset mail. The answer is the same whether or not an account has this email. */
        post: operations["AccountsController_forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token of the reset mail; every session of the account ends. */
        post: operations["AccountsController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user. */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your profile. */
        patch: operations["UsersController_updateMe"];
        trace?: never;
    };
    "/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; every other session is signed out. */
        post: operations["UsersController_changePassword"];
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
        /** List users (admin), oldest first; `q` matches email or name. */
        get: operations["UsersController_list"];
        put?: never;
        post?: never;
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
        /** A user (admin). */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's role or disable them (admin); disabling ends their sessions. */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/v1/users/me/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API keys, newest first, without their secrets. */
        get: operations["ApiKeysController_listMine"];
        put?: never;
        /** Create an API key; the response is the only time the key itself is shown. */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API keys; it stops working at once. */
        delete: operations["ApiKeysController_revokeMine"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's API keys (admin), without their secrets. */
        get: operations["ApiKeysController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a user's API key (admin). */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether your sign-in asks for a TOTP code, and how many recovery codes are left. */
        get: operations["MfaController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: a new secret for your authenticator app, off until a code confirms it. */
        post: operations["MfaController_enrol"];
        /** Turn TOTP off: needs your password and a current code; recovery codes go with it. */
        delete: operations["MfaController_disable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn TOTP on with a first code; answers the 10 recovery codes, the only time they are shown. */
        post: operations["MfaController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Reset a user's multi-factor sign-in (admin): authenticator, recovery codes and pending sign-ins go. */
        delete: operations["MfaController_reset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active products, one page at a time; `q` matches names (case-insensitive). */
        get: operations["ProductsController_list"];
        put?: never;
        /** Add a product (admin). Duplicate `sku`: 409. */
        post: operations["ProductsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product, with an ETag; `If-None-Match` answers 304. */
        get: operations["ProductsController_get"];
        put?: never;
        post?: never;
        /** Archive a product (admin): no longer listed or orderable. */
        delete: operations["ProductsController_archive"];
        options?: never;
        head?: never;
        /** Change a product (admin); honours `If-Match`. */
        patch: operations["ProductsController_update"];
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your orders, newest first; admins see everyone’s (`userId` narrows to one user). */
        get: operations["OrdersController_list"];
        put?: never;
        /** Place an order at catalog prices; stock is taken at once. */
        post: operations["OrdersController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order of yours (admins: any order), with an ETag. */
        get: operations["OrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Move an order along pending → paid → shipped → delivered, or cancel it (admin). */
        patch: operations["OrdersController_update"];
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending or paid order; its stock goes back. */
        post: operations["OrdersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEventPage: {
            data: components["schemas"]["AuditEvent"][];
            /** @description Send as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        AuditEvent: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            actor: {
                /** @enum {string} */
                type: "user" | "api_key" | "system" | "anonymous";
                id: string | null;
                userId: string | null;
            };
            /** @enum {string} */
            action: "auth.sign_in" | "auth.sign_out" | "auth.password.change" | "auth.password.reset" | "auth.email.verify" | "auth.oidc.link" | "auth.mfa.enable" | "auth.mfa.disable" | "user.role.change" | "user.disable" | "user.enable" | "user.mfa.reset" | "api_key.create" | "api_key.revoke" | "order.status.change" | "product.create" | "product.update" | "product.archive";
            target: {
                /** @enum {string} */
                type: "user" | "session" | "api_key" | "order" | "product";
                id: string;
            } | null;
            subjectUserId: string | null;
            /** @enum {string} */
            outcome: "success" | "failure";
            clientAddress: string | null;
            userAgent: string | null;
            requestId: string | null;
            traceId: string | null;
            details: {
                [key: string]: string | number | boolean | null;
            };
        };
        SecurityEventPage: {
            data: components["schemas"]["SecurityEvent"][];
            /** @description Send as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        SecurityEvent: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** @enum {string} */
            action: "auth.sign_in" | "auth.sign_out" | "auth.password.change" | "auth.password.reset" | "auth.email.verify" | "auth.oidc.link" | "auth.mfa.enable" | "auth.mfa.disable" | "user.role.change" | "user.disable" | "user.enable" | "user.mfa.reset" | "api_key.create" | "api_key.revoke" | "order.status.change" | "product.create" | "product.update" | "product.archive";
            /** @enum {string} */
            outcome: "success" | "failure";
            /** @enum {string} */
            actorType: "user" | "api_key" | "system" | "anonymous";
            byYou: boolean;
            clientAddress: string | null;
            userAgent: string | null;
        };
        /**
         * @example {
         *       "tokenType": "Bearer",
         *       "accessToken": "eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCIsImtpZCI6ImsxIn0.eyJzdWIiOiIuLi4ifQ.c2ln",
         *       "expiresIn": 900,
         *       "refreshToken": "Xv3qP2dL8mN0rT5wY7zA1bC4eF6gH9jK2lM5nP8qR0s",
         *       "user": {
         *         "id": "01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f",
         *         "email": "ada@example.com",
         *         "name": "Ada Lovelace",
         *         "role": "user",
         *         "emailVerified": false,
         *         "createdAt": "2026-01-15T09:30:00.000Z",
         *         "mfaEnabled": false
         *       }
         *     }
         */
        TokenResponse: {
            /** @enum {string} */
            tokenType: "Bearer";
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            refreshToken: string;
            user: components["schemas"]["User"];
        };
        /**
         * @example {
         *       "id": "01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f",
         *       "email": "ada@example.com",
         *       "name": "Ada Lovelace",
         *       "role": "user",
         *       "emailVerified": true,
         *       "createdAt": "2026-01-15T09:30:00.000Z",
         *       "mfaEnabled": false
         *     }
         */
        User: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string;
            name: string;
            /** @enum {string} */
            role: "user" | "admin";
            /** @description Whether the owner proved the address is theirs (the token of the verification mail, or a provider that vouched for it). */
            emailVerified: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @description A password sign-in asks for a code of the authenticator app (TOTP is on) */
            mfaEnabled: boolean;
        };
        /** @description Tokens, or `mfaRequired: true` with an mfaToken when the account uses TOTP. */
        LoginResponse: components["schemas"]["TokenResponse"] | components["schemas"]["MfaChallenge"];
        /**
         * @example {
         *       "mfaRequired": true,
         *       "mfaToken": "mfa_01936f8e5c3a7b1e9d2f4a6b8c0d2e4f_Xv3qP2dL8mN0rT5wY7zA1bC4eF6gH9jK2lM5nP8qR0s",
         *       "expiresIn": 300
         *     }
         */
        MfaChallenge: {
            /** @enum {boolean} */
            mfaRequired: true;
            /** @description Send it to POST /v1/auth/mfa/verify with a code; it is no access or refresh token */
            mfaToken: string;
            /** @description Seconds the mfaToken stays usable */
            expiresIn: number;
        };
        MailRequested: {
            /** @enum {string} */
            status: "accepted";
            detail: string;
        };
        UserPage: {
            data: components["schemas"]["User"][];
            /** @description Send as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        CreatedApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            scopes: ("orders:read" | "orders:write" | "products:write" | "users:read")[];
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
            key: string;
        };
        ApiKeyList: {
            items: components["schemas"]["ApiKey"][];
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            scopes: ("orders:read" | "orders:write" | "products:write" | "users:read")[];
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
        };
        /**
         * @example {
         *       "enabled": true,
         *       "enabledAt": "2026-01-15T09:30:00.000Z",
         *       "recoveryCodesRemaining": 9
         *     }
         */
        MfaStatus: {
            /** @description A password sign-in asks for a code of the authenticator app */
            enabled: boolean;
            /** @description When the authenticator was confirmed; null while TOTP is off */
            enabledAt: string | null;
            /** @description Recovery codes not used yet; 0 while TOTP is off */
            recoveryCodesRemaining: number;
        };
        /**
         * @example {
         *       "secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
         *       "uri": "otpauth://totp/Example%20API:ada%40example.com?issuer=Example%20API&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30"
         *     }
         */
        TotpEnrolment: {
            /** @description The shared secret in base32, for typing into an authenticator app */
            secret: string;
            /**
             * Format: starts_with
             * @description The same secret as an otpauth:// URI, to show as a QR code
             */
            uri: string;
        };
        RecoveryCodes: {
            /** @description Single-use codes for signing in without the app: shown this once, stored hashed */
            recoveryCodes: string[];
        };
        ProductPage: {
            data: components["schemas"]["Product"][];
            /** @description Send as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        /**
         * @example {
         *       "id": "01936f8e-6d4b-7c2f-8e3a-5b7c9d1e3f50",
         *       "sku": "MUG-ENAMEL-01",
         *       "name": "Enamel mug",
         *       "description": "White enamel, 350 ml.",
         *       "priceCents": 1290,
         *       "currency": "EUR",
         *       "stock": 42,
         *       "active": true,
         *       "createdAt": "2026-01-15T09:30:00.000Z",
         *       "updatedAt": "2026-01-16T11:00:00.000Z"
         *     }
         */
        Product: {
            /** Format: uuid */
            id: string;
            sku: string;
            name: string;
            description: string;
            priceCents: number;
            currency: string;
            stock: number;
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @example {
         *       "id": "01936f8e-7e5c-7d30-9f4b-6c8d0e2f4a61",
         *       "userId": "01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f",
         *       "status": "pending",
         *       "items": [
         *         {
         *           "productId": "01936f8e-6d4b-7c2f-8e3a-5b7c9d1e3f50",
         *           "sku": "MUG-ENAMEL-01",
         *           "name": "Enamel mug",
         *           "quantity": 2,
         *           "unitPriceCents": 1290
         *         }
         *       ],
         *       "totalCents": 2580,
         *       "currency": "EUR",
         *       "createdAt": "2026-01-16T12:00:00.000Z",
         *       "updatedAt": "2026-01-16T12:00:00.000Z"
         *     }
         */
        Order: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            /** @enum {string} */
            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
            items: {
                /** Format: uuid */
                productId: string;
                sku: string;
                name: string;
                quantity: number;
                unitPriceCents: number;
            }[];
            totalCents: number;
            currency: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OrderPage: {
            data: components["schemas"]["Order"][];
            /** @description Send as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        Problem: {
            /** @description `about:blank`, or the path of a page on this server that describes the problem */
            type: string;
            /** @description Short summary of the problem type */
            title: string;
            /** @description The HTTP status of the response */
            status: number;
            /** @description What went wrong with this request */
            detail?: string;
            /** @description The path of the request */
            instance?: string;
            /** @description W3C trace id, for support requests */
            traceId?: string;
            /** @description Each invalid field of a validation error */
            errors?: {
                /** @description JSON pointer into the request, e.g. `#/items/0/quantity` */
                pointer: string;
                detail: string;
            }[];
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ProblemTypesController_index: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
        };
    };
    ProblemTypesController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The description. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                actorType?: "user" | "api_key" | "system" | "anonymous";
                actorId?: string;
                action?: "auth.sign_in" | "auth.sign_out" | "auth.password.change" | "auth.password.reset" | "auth.email.verify" | "auth.oidc.link" | "auth.mfa.enable" | "auth.mfa.disable" | "user.role.change" | "user.disable" | "user.enable" | "user.mfa.reset" | "api_key.create" | "api_key.revoke" | "order.status.change" | "product.create" | "product.update" | "product.archive";
                targetType?: "user" | "session" | "api_key" | "order" | "product";
                targetId?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AuditController_listMine: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityEventPage"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @description One entry per dependency checked (database, redis) */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @description One entry per dependency checked (database, redis) */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @description One entry per dependency checked (database, redis) */
                        details: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Service Unavailable (`about:blank`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    /** Format: password */
                    password: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Password is too weak (`/problems/weak-password`); Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/weak-password" | "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Email is already registered (`/problems/email-taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/email-taken";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    /** Format: password */
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Email or password is wrong (`/problems/invalid-credentials`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-credentials";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AuthController_verifyMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mfaToken: string;
                    /** @example 492039 */
                    code: string;
                } | {
                    mfaToken: string;
                    /** @example 7kq2-9xm4-c8vd-3hpt */
                    recoveryCode: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description The sign-in step is unknown, expired or already used (`/problems/invalid-mfa-token`); The code is wrong, expired or already used (`/problems/invalid-mfa-code`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-mfa-token" | "/problems/invalid-mfa-code";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Refresh token is invalid, expired or already used (`/problems/invalid-refresh-token`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-refresh-token";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    JwksController_jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: ({
                            kty: string;
                            kid: string;
                            alg?: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
        };
    };
    OidcController_authorize: {
        parameters: {
            query?: {
                /** @description Path on this site to return to after sign-in, e.g. /orders (relative only) */
                returnTo?: string;
            };
            header?: never;
            path: {
                /** @description Name of a configured identity provider */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the provider's authorization endpoint */
            302: {
                headers: {
                    /** @description Authorization URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sign-in request is invalid or expired (`/problems/oidc-invalid-request`); Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/oidc-invalid-request" | "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description The identity provider is unavailable (`/problems/oidc-provider-unavailable`) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/oidc-provider-unavailable";
                        /** @constant */
                        status?: 502;
                    };
                };
            };
        };
    };
    OidcController_callback: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                /** @description Issuer identifier (RFC 9207) */
                iss?: string;
                error?: string;
                error_description?: string;
                error_uri?: string;
            };
            header?: never;
            path: {
                /** @description Name of a configured identity provider */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Sign-in request is invalid or expired (`/problems/oidc-invalid-request`); Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/oidc-invalid-request" | "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description The identity provider did not sign you in (`/problems/oidc-login-failed`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/oidc-login-failed";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description The identity provider is unavailable (`/problems/oidc-provider-unavailable`) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/oidc-provider-unavailable";
                        /** @constant */
                        status?: 502;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AccountsController_verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The email is verified. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Token is invalid, expired or already used (`/problems/invalid-account-token`); Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-account-token" | "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AccountsController_resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailRequested"];
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Your email is verified already (`/problems/email-already-verified`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/email-already-verified";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AccountsController_forgotPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailRequested"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    AccountsController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** Format: password */
                    password: string;
                };
            };
        };
        responses: {
            /** @description The password is set; sign in with it. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Token is invalid, expired or already used (`/problems/invalid-account-token`); Password is too weak (`/problems/weak-password`); Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-account-token" | "/problems/weak-password" | "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    UsersController_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    UsersController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: password */
                    currentPassword: string;
                    /** Format: password */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Password is too weak (`/problems/weak-password`); Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/weak-password" | "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Current password is wrong (`/problems/invalid-credentials`); Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-credentials" | "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    UsersController_get: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    UsersController_update: {
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
                "application/json": {
                    /** @enum {string} */
                    role?: "user" | "admin";
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ApiKeysController_listMine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("orders:read" | "orders:write" | "products:write" | "users:read")[];
                    /** Format: date-time */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Your role cannot grant this scope (`/problems/api-key-scope-not-allowed`); Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/api-key-scope-not-allowed" | "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description You have as many API keys as allowed: revoke one first (`/problems/api-key-limit-reached`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/api-key-limit-reached";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ApiKeysController_revokeMine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ApiKeysController_list: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    MfaController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaStatus"];
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    MfaController_enrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolment"];
                };
            };
            /** @description Bad Request (`about:blank`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Multi-factor sign-in is on already (`/problems/mfa-already-enabled`); Multi-factor sign-in needs a password (`/problems/mfa-requires-password`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/mfa-already-enabled" | "/problems/mfa-requires-password";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    MfaController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: password */
                    password: string;
                    /** @example 492039 */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Turned off. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Current password is wrong (`/problems/invalid-credentials`); The code is wrong, expired or already used (`/problems/invalid-mfa-code`); Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-credentials" | "/problems/invalid-mfa-code" | "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Multi-factor sign-in is off (`/problems/mfa-not-enabled`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/mfa-not-enabled";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    MfaController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 492039 */
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodes"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description The code is wrong, expired or already used (`/problems/invalid-mfa-code`); Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-mfa-code" | "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description No authenticator is waiting for confirmation (`/problems/mfa-enrolment-not-started`); Multi-factor sign-in is on already (`/problems/mfa-already-enabled`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/mfa-enrolment-not-started" | "/problems/mfa-already-enabled";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    MfaController_reset: {
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
            /** @description Reset (also when the user had none). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ProductsController_list: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                q?: string;
                sort?: "name" | "-name" | "priceCents" | "-priceCents" | "createdAt" | "-createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ProductsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example MUG-ENAMEL-01 */
                    sku: string;
                    name: string;
                    /** @default  */
                    description?: string;
                    priceCents: number;
                    /** @example EUR */
                    currency: string;
                    stock: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description A product with this SKU exists (`/problems/sku-taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/sku-taken";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ProductsController_get: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Not modified since the ETag you sent. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ProductsController_archive: {
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
            /** @description Archived. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    ProductsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag you read; stale: 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    priceCents?: number;
                    stock?: number;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description The resource changed since you read it (`/problems/precondition-failed`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/precondition-failed";
                        /** @constant */
                        status?: 412;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    OrdersController_list: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    OrdersController_place: {
        parameters: {
            query?: never;
            header: {
                /** @description Unique per intended order (e.g. a UUID). Retry a request that got no answer, a 503 or a 409 in flight with the same key and body: it places the order if no earlier attempt committed, or replays the committed answer (201 with `Idempotent-Replayed: true`, or the same 409/422 refusal). A failed attempt never keeps the key. Kept 24 h. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /** Format: uuid */
                        productId: string;
                        quantity: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Verify your email first (`/problems/email-not-verified`); Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/email-not-verified" | "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not enough stock to fill the order (`/problems/insufficient-stock`); A request with this Idempotency-Key is still in progress (`/problems/idempotency-in-flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/insufficient-stock" | "/problems/idempotency-in-flight";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description A product in the order is unknown or no longer sold (`/problems/product-unavailable`); All lines of an order must share one currency (`/problems/mixed-currencies`); This Idempotency-Key was used for a different request (`/problems/idempotency-key-reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/product-unavailable" | "/problems/mixed-currencies" | "/problems/idempotency-key-reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    OrdersController_get: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    OrdersController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag you read; stale: 412. */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description The order cannot move to that status (`/problems/invalid-status-transition`); The order can no longer be cancelled (`/problems/order-not-cancellable`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/invalid-status-transition" | "/problems/order-not-cancellable";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description The resource changed since you read it (`/problems/precondition-failed`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/precondition-failed";
                        /** @constant */
                        status?: 412;
                    };
                };
            };
            /** @description Payload Too Large (`about:blank`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    OrdersController_cancel: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Bad Request (`about:blank`); Request is invalid (`/problems/validation-error`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank" | "/problems/validation-error";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description Unauthorized (`about:blank`) */
            401: {
                headers: {
                    /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description Forbidden (`about:blank`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description Not Found (`about:blank`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description The order can no longer be cancelled (`/problems/order-not-cancellable`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/order-not-cancellable";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description Unsupported Media Type (`about:blank`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "about:blank";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description Too Many Requests (`/problems/rate-limited`) */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    /** @description Requests allowed per window. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left (0). */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/rate-limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description A service this request needs is unavailable (`/problems/dependency-unavailable`) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        type?: "/problems/dependency-unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
}
