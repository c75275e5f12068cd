#pragma once
// Fetching the v2 account a notification points at, through a Client.
#include <string>
#include <vector>

#include "stripe/client.hpp"
#include "stripe/encoding/form.hpp"
#include "stripe/v2/core/account.hpp"
#include "stripe/webhook/notification.hpp"

namespace stripe::webhook {

// Fetches the v2 account a notification points at, with Stripe-Context set from the
// notification. The related_object url must be a path on the API host (Client::get_path).
// `include` names the parts to return (requirements, configuration.recipient, ...).
inline Result<v2::core::Account> fetch_related_account(const Client& client, const EventNotification& n,
                                                       const std::vector<std::string>& include = {},
                                                       RequestOptions ro = {}) {
  if (!n.related_object || n.related_object->type != "v2.core.account")
    throw InvalidParamsError(stripe::detail::message_only("event " + n.type + " is not about a v2 account"));
  if (n.context) ro.stripe_context = n.context;
  std::string url = n.related_object->url;
  if (!include.empty()) {
    nlohmann::ordered_json q = {{"include", include}};
    url += (url.find('?') == std::string::npos ? "?" : "&") + form_encode(q);
  }
  return client.get_path_as<v2::core::Account>(url, ro);
}

}  // namespace stripe::webhook
