#pragma once
// Webhooks, everything: signature verification, v1 events, v2 event notifications and fetching
// their related account. Include only the part you use to keep builds fast:
//   stripe/webhook/signature.hpp        verify_signature, sign_payload (standard library + OpenSSL)
//   stripe/webhook/event.hpp            v1 events: construct_event, parse_event
//   stripe/webhook/notification.hpp     v2 notifications: construct_event_notification
//   stripe/webhook/related_account.hpp  fetch_related_account (needs the Client)
// Link stripe_connect::webhook (OpenSSL).
#include "stripe/webhook/event.hpp"
#include "stripe/webhook/notification.hpp"
#include "stripe/webhook/related_account.hpp"
#include "stripe/webhook/signature.hpp"
