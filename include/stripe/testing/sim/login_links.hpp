#pragma once
// POST /v1/accounts/{id}/login_links: a single-use link into the Express Dashboard, for
// accounts that have one (type=express, or controller.stripe_dashboard.type=express).
#include <string>

#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/requirements.hpp"
#include "stripe/v1/login_link_params.hpp"

namespace stripe::testing::sim {

inline bool express_dashboard(const Account& a) {
  return a.type == "express" || a.controller.value("stripe_dashboard", json::object()).value("type", "") == "express";
}

inline http::Response create_login_link(State& s, Account& a, json& p) {
  if (auto problem = check_params<v1::LoginLinkCreateParams>(p, true)) return bad(s, *problem);
  if (!express_dashboard(a))
    return error(s, 400, "invalid_request_error",
                 "Cannot create a login link for an account without access to the Express Dashboard: " + a.id +
                     " has none (login links are for accounts with controller.stripe_dashboard.type=express).",
                 "account");
  ++s.commits;
  return reply(s, 200, {{"object", "login_link"}, {"created", s.clock},
                        {"url", "https://" + s.options.link_host + "/express/" + a.id + "/" + s.next_id("ll_")}});
}

}  // namespace stripe::testing::sim
