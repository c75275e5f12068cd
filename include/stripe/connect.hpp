#pragma once
// Umbrella header: the client, every typed resource and the onboarding helpers.
// libcurl (stripe/http/curl_transport.hpp) and webhooks (stripe/webhook.hpp) have their own
// headers and CMake targets so that users who do not need them never pull them in.
#include "stripe/client.hpp"
#include "stripe/errors.hpp"
#include "stripe/list.hpp"
#include "stripe/v1/services.hpp"
#include "stripe/v2/services.hpp"
#include "stripe/version.hpp"
