#pragma once
// Account links, v1 and v2 alike: handing out a single-use URL, the user's browser opening it,
// and the onboarding form submitted.
#include <cstdint>
#include <string>

#include "stripe/testing/sim/events.hpp"

namespace stripe::testing::sim {

inline bool stripe_collects(const Account& a) {
  return a.controller.value("requirement_collection", "stripe") == "stripe";
}

// Keeps `link` (its endpoint filled in what it collects and where it returns) and hands out its
// URL. The Express guide: "After you create an account link for an Express account, you can't
// read or update its KYC information": so for every account whose requirements Stripe collects.
inline std::string issue_link(State& s, Account& a, Link link) {
  std::string token;
  std::uint64_t n = ((++s.id_counter ^ s.seed_mix()) * 0xD1B54A32D192ED03ull) ^ static_cast<std::uint64_t>(s.clock);
  static constexpr char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (int i = 0; i < 24; ++i) {
    token.push_back(alphabet[n % 62]);
    n = n / 62 + (n % 7 + 1) * 0x9E3779B97F4A7C15ull;
  }
  std::string url = s.options.link_scheme + "://" + s.options.link_host + (link.v2 ? "/v2/onboard/" : "/setup/e/") + a.id + "/" + token;
  link.account = a.id;
  link.created = s.clock;
  link.expires_at = s.clock + s.options.link_ttl;
  s.links[token] = std::move(link);
  s.link_urls.push_back(url);
  if (stripe_collects(a)) a.kyc_locked = true;
  ++s.commits;
  return url;
}

inline LinkVisit refresh(const Link& link, const char* reason) {
  return LinkVisit{LinkVisit::Outcome::refresh, link.refresh_url, reason, {}};
}

// The browser opens a link: the form, or refresh_url with the reason.
inline LinkVisit open_link(State& s, const std::string& url) {
  auto it = s.links.find(token_of(url));
  if (it == s.links.end() || url.find(s.options.link_host) == std::string::npos)
    return LinkVisit{LinkVisit::Outcome::refresh, "", "unknown_link", {}};
  Link& link = it->second;
  Account& a = s.accounts.at(link.account);
  // The Express guide sends the user to refresh_url when "Your platform can no longer access the
  // account."
  if (a.deleted) return refresh(link, "account_inaccessible");
  if (!a.rejected.empty()) return refresh(link, "account_rejected");
  if (link.visited) return refresh(link, "already_visited");
  if (s.clock >= link.expires_at) return refresh(link, "expired");
  link.visited = true;
  request_onboarding_capabilities(s, a);
  touch(s, a);
  return LinkVisit{LinkVisit::Outcome::form, "", "", {}};
}

// Whether the form of `link` asks for `item`.
inline bool collects(const Link& link, const Item& item) {
  if (item.escalated || (!item.spec->eventually && !is_future(item))) return true;
  if (item.spec->eventually && link.fields == "eventually_due") return true;
  return is_future(item) && link.future == "include";
}

// The user fills in everything the link collects and submits; opens the link first if needed.
inline LinkVisit submit_onboarding(State& s, const std::string& url) {
  auto it = s.links.find(token_of(url));
  if (it == s.links.end() || !it->second.visited) {
    LinkVisit opened = open_link(s, url);
    if (opened.outcome != LinkVisit::Outcome::form) return opened;
    it = s.links.find(token_of(url));
  }
  Link& link = it->second;
  if (link.returned) return refresh(link, "already_visited");
  Account& a = s.accounts.at(link.account);
  if (a.deleted) return refresh(link, "account_inaccessible");  // deleted while the form was open
  LinkVisit visit{LinkVisit::Outcome::form, link.return_url, "", {}};
  for (auto& item : a.items) {
    if (item.state != Item::State::due || !collects(link, item)) continue;
    provide(s, item);
    visit.fields_collected.push_back(item.spec->name);
  }
  a.details_submitted = true;
  if (!a.tos_date) {
    a.tos_date = s.clock;
    a.tos_ip = "198.51.100.7";
  }
  if (currently_due(a).empty()) {
    a.past_deadline = false;
    a.current_deadline.reset();
  }
  link.returned = true;
  if (link.v2) {
    // stripe-node's V2CoreAccountLinkReturnedEvent: data, and no related object.
    json configurations = link.configurations.empty() ? json(a.configurations) : json(link.configurations);
    queue_v2_event(s, a, "v2.core.account_link.returned",
                   {{"account_id", a.id}, {"configurations", configurations}, {"use_case", link.type}}, false);
  }
  touch(s, a);
  return visit;
}

}  // namespace stripe::testing::sim
