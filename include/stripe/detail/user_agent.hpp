#pragma once
// The User-Agent and X-Stripe-Client-User-Agent values (wire contract, section 2).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "stripe/client_options.hpp"
#include "stripe/version.hpp"

namespace stripe::detail {

inline std::string user_agent(const std::optional<AppInfo>& app) {
  std::string ua = std::string("Stripe/v1 CppBindings/") + sdk_version;
  if (app && !app->name.empty()) {
    ua += " " + app->name;
    if (!app->version.empty()) ua += "/" + app->version;
    if (!app->url.empty()) ua += " (" + app->url + ")";
  }
  return ua;
}

inline const char* platform_name() {
#if defined(__linux__)
  return "linux";
#elif defined(__APPLE__)
  return "darwin";
#elif defined(_WIN32)
  return "windows";
#else
  return "unknown";
#endif
}

// `app` must hold valid UTF-8 (the client checks it when it is built).
inline std::string client_user_agent(const std::optional<AppInfo>& app, const std::string& httplib) {
  nlohmann::json j = {{"bindings_version", sdk_version}, {"lang", "cpp"},
                      {"lang_version", std::to_string(__cplusplus)}, {"publisher", "stripe_connect"},
                      {"httplib", httplib}, {"platform", platform_name()}};
  if (app && !app->name.empty())
    j["application"] = {{"name", app->name}, {"version", app->version}, {"url", app->url}, {"partner_id", app->partner_id}};
  return j.dump();
}

}  // namespace stripe::detail
