// The whole Connect onboarding flow, v1 and v2.
//
// By default it runs offline against stripe::testing::Simulator, playing the user and Stripe.
// With STRIPE_SECRET_KEY set it runs against Stripe: it writes each link to a file only you can
// read (a link URL is never printed: it grants access to the account's onboarding), and polls
// the account until onboarding is done (STRIPE_API_BASE overrides the API host).
//
//   onboarding_demo [--incremental] [--v1-only | --v2-only] [--link-file PATH]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "stripe/connect.hpp"
#include "stripe/http/curl_transport.hpp"
#include "stripe/onboarding.hpp"
#include "stripe/testing/simulator.hpp"
#include "stripe/webhook.hpp"

namespace ob = stripe::onboarding;
using stripe::testing::LinkVisit;

namespace {

const char* kRefreshUrl = "https://platform.example/onboarding/refresh";
const char* kReturnUrl = "https://platform.example/onboarding/return";

void step(int& n, const std::string& text) { std::cout << "\n[" << ++n << "] " << text << "\n"; }
void say(const std::string& text) { std::cout << "    " << text << "\n"; }

std::string join(const std::vector<std::string>& items, std::size_t max = 4) {
  std::string s;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) s += (i ? ", " : "") + items[i];
  if (items.size() > max) s += ", ... (" + std::to_string(items.size()) + " in all)";
  return s.empty() ? "none" : s;
}

// The platform's webhook endpoint: verifies each delivery as a real endpoint does (default
// options) and keeps a cached state. Answers with an HTTP status; the simulator records it.
struct WebhookEndpoint {
  std::string secret;
  std::map<std::string, std::string> cached_state;  // account id -> label

  int deliver(const stripe::testing::WebhookDelivery& d) {
    try {
      handle(d);
      return 200;
    } catch (const stripe::webhook::SignatureVerificationError& e) {
      say(std::string("webhook  rejected: ") + e.what());
      return 400;
    }
  }

  void handle(const stripe::testing::WebhookDelivery& d) {
    if (d.type.rfind("v2.", 0) == 0) {
      auto n = stripe::webhook::construct_event_notification(d.payload, d.signature_header, secret);
      // Some thin events (account_link.returned) name no related object: the event itself holds the data.
      std::string about = n.related_object ? " for " + n.related_object->id : std::string();
      say("webhook  " + n.type + about + " (signature verified)");
      return;
    }
    auto e = stripe::webhook::construct_event(d.payload, d.signature_header, secret);
    if (e.type == "account.updated") {
      auto acct = e.account_object();
      std::string label = ob::to_string(ob::account_state(acct));
      if (cached_state[acct.id] != label) {
        say("webhook  account.updated: cached state " +
            (cached_state[acct.id].empty() ? std::string("(none)") : cached_state[acct.id]) + " -> " + label);
        cached_state[acct.id] = label;
      }
    } else if (e.type == "capability.updated") {
      auto cap = e.capability_object();
      say("webhook  capability.updated: " + cap.id + " is now " + cap.status.value());
    }
  }
};

void print_v1(const stripe::v1::Account& a) {
  auto s = ob::summarize(a);
  say("state: " + std::string(s.label()) + "   charges_enabled=" + (s.charges_enabled ? "yes" : "no") +
      " payouts_enabled=" + (s.payouts_enabled ? "yes" : "no") + " details_submitted=" +
      (s.details_submitted ? "yes" : "no"));
  say("currently_due: " + join(s.currently_due));
  say("eventually_due: " + join(s.eventually_due));
  if (!s.pending_verification.empty()) say("pending_verification: " + join(s.pending_verification));
  if (!s.past_due.empty()) say("past_due: " + join(s.past_due));
  for (const auto& e : s.errors) say("error: " + e.requirement + ": " + e.code.value());
}

void print_v2(const stripe::v2::core::Account& a) {
  auto s = ob::summarize(a);
  say("state: " + s.label() + "   recipient ready=" + (s.recipient_ready ? "yes" : "no"));
  for (const auto& c : s.capabilities)
    say("capability " + c.configuration + "." + c.capability + ": " + c.status +
        (c.status_codes.empty() ? "" : " (" + join(c.status_codes) + ")"));
  for (const auto& [deadline, entries] : s.entries_by_deadline) {
    std::vector<std::string> names;
    for (const auto& e : entries) names.push_back(e.description);
    say(deadline + ": " + join(names));
  }
}

// ---------------------------------------------------------------------------------------------

int run_v1_simulated(const stripe::Client& client, stripe::testing::Simulator& sim, WebhookEndpoint& hooks,
                     ob::Strategy strategy) {
  int n = 0;
  std::cout << "\n=== v1: Stripe-hosted onboarding with an Account Link (" << ob::to_string(strategy) << ") ===\n";

  step(n, "Create a connected account with controller properties, prefilled with what the platform knows");
  stripe::v1::AccountCreateParams create;
  create.country = "US";
  create.email = "jenny.rosen@example.com";
  create.business_type = "individual";
  create.business_profile.emplace().url = "https://jenny-rosen.example";
  create.business_profile->mcc = "5734";
  auto& ctl = create.controller.emplace();
  ctl.fees.emplace().payer = "application";
  ctl.losses.emplace().payments = "application";
  ctl.stripe_dashboard.emplace().type = "express";
  create.capabilities.emplace().card_payments.emplace().requested = true;
  create.capabilities->transfers.emplace().requested = true;
  create.individual.emplace().first_name = "Jenny";
  create.individual->last_name = "Rosen";
  auto account = client.v1().accounts().create(create);
  say("created " + account->id + " (request " + account.request_id() + ")");
  print_v1(*account);
  hooks.cached_state[account->id] = ob::to_string(ob::account_state(*account));

  step(n, "Create an Account Link: collection_options.fields = " + std::string(ob::collection_fields(strategy)));
  ob::LinkOptions lo{kRefreshUrl, kReturnUrl, strategy, false};
  auto link_params = ob::link_params(account->id, lo);
  auto link = client.v1().account_links().create(link_params);
  say("link created; expires in " + std::to_string(link->expires_at - link->created) +
      " s (the URL is single-use and is never logged)");

  step(n, "The user gets distracted: the link expires before they open it");
  sim.advance_clock(600);
  LinkVisit visit = sim.open_link(link->url);
  say(std::string("browser lands on refresh_url (") + visit.reason + ")");

  step(n, "refresh_url handler: a new link with the same parameters, then redirect");
  link = ob::refresh_link(client, link_params);
  visit = sim.open_link(link->url);
  say(visit.outcome == LinkVisit::Outcome::form ? "Stripe-hosted onboarding form shown" : "unexpected: " + visit.reason);

  step(n, "The user fills in the form and is sent to return_url");
  visit = sim.submit_onboarding(link->url);
  say("the form collected " + std::to_string(visit.fields_collected.size()) + " fields: " + join(visit.fields_collected));

  step(n, "return_url handler: the redirect carries no state, so retrieve the account and decide");
  account = client.v1().accounts().retrieve(account->id);
  print_v1(*account);
  say(std::string("needs onboarding again? ") + (ob::needs_onboarding(*account, strategy) ? "yes" : "no"));

  step(n, "Stripe verifies what was submitted (one simulated minute later)");
  sim.advance_clock(60);
  account = client.v1().accounts().retrieve(account->id);
  print_v1(*account);

  if (ob::account_state(*account) == ob::AccountState::enabled) {
    step(n, "Incremental onboarding done for now; later Stripe needs the eventually_due information");
    sim.require_eventually_due(account->id);
    account = client.v1().accounts().retrieve(account->id);
    print_v1(*account);
    step(n, "Send the user back through onboarding with a new link");
    auto again = client.v1().account_links().create(link_params);
    sim.submit_onboarding(again->url);
    sim.advance_clock(60);
      account = client.v1().accounts().retrieve(account->id);
    print_v1(*account);
  }
  bool done = ob::account_state(*account) == ob::AccountState::complete;
  say(done ? "onboarding complete" : "onboarding NOT complete");
  say("cached state from webhooks: " + hooks.cached_state[account->id]);
  return done ? 0 : 1;
}

int run_v2_simulated(const stripe::Client& client, stripe::testing::Simulator& sim, ob::Strategy strategy) {
  int n = 0;
  std::cout << "\n=== v2: marketplace onboarding of a recipient account (" << ob::to_string(strategy) << ") ===\n";

  step(n, "Create a v2 account with the recipient configuration, prefilled");
  stripe::v2::core::AccountCreateParams create;
  create.contact_email = "furever@example.com";
  create.display_name = "FurEver";
  create.dashboard = "express";
  auto& identity = create.identity.emplace();
  identity.country = "GB";
  identity.entity_type = "company";
  identity.business_details.emplace().registered_name = "FurEver Ltd";
  create.configuration.emplace().recipient.emplace().capabilities.emplace().stripe_balance.emplace()
      .stripe_transfers.emplace().requested = true;
  create.include = std::vector<stripe::v2::core::AccountCreateParams::Include>{"configuration.recipient", "requirements"};
  auto account = client.v2().core().accounts().create(create);
  say("created " + account->id);
  print_v2(*account);

  step(n, "Create a v2 Account Link (use_case account_onboarding, HTTPS URLs)");
  ob::LinkOptions lo{kRefreshUrl, kReturnUrl, strategy, false};
  auto params = ob::v2_link_params(account->id, lo, {"recipient"});
  auto link = client.v2().core().account_links().create(params);
  say("link created; expires at " + link->expires_at);

  step(n, "A chat client previews the link, so the user's click finds it already visited");
  sim.open_link(link->url);
  LinkVisit visit = sim.open_link(link->url);
  say(std::string("browser lands on refresh_url (") + visit.reason + "); the platform creates a new link");
  link = ob::refresh_link(client, params);

  step(n, "The user completes onboarding and returns");
  visit = sim.submit_onboarding(link->url);
  say("the form collected " + std::to_string(visit.fields_collected.size()) + " fields");

  step(n, "Stripe verifies; the platform re-reads the account with include[] on return");
  sim.advance_clock(60);
  stripe::v2::core::AccountRetrieveParams rp;
  rp.include = std::vector<stripe::v2::core::AccountRetrieveParams::Include>{"configuration.recipient", "requirements"};
  account = client.v2().core().accounts().retrieve(account->id, rp);
  print_v2(*account);
  auto s = ob::summarize(*account);
  if (ob::needs_onboarding(*account, strategy)) {
    step(n, "More is due: send the user through a new link");
    link = ob::refresh_link(client, params);
    sim.submit_onboarding(link->url);
    sim.advance_clock(60);
      account = client.v2().core().accounts().retrieve(account->id, rp);
    print_v2(*account);
    s = ob::summarize(*account);
  }
  say(s.recipient_ready ? "recipient ready: stripe_transfers is active" : "recipient NOT ready");
  return s.recipient_ready ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// Against Stripe: a person opens the link; we poll.

// Hands each link to the person running the demo without printing it: a file only its owner can
// read, removed when the demo ends.
class LinkFile {
 public:
  explicit LinkFile(std::string path) : path_(std::move(path)) {}
  LinkFile(const LinkFile&) = delete;
  LinkFile& operator=(const LinkFile&) = delete;
  ~LinkFile() { std::remove(path_.c_str()); }

  void write(const std::string& url) {
    std::remove(path_.c_str());  // never write through an existing file or link
    { std::ofstream create(path_); }
    namespace fs = std::filesystem;
    fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    std::ofstream(path_, std::ios::trunc) << url << "\n";
    say("open the link in " + path_ + " in a browser within a few minutes (it works once)");
  }

 private:
  std::string path_;
};

int run_live(const stripe::Client& client, ob::Strategy strategy, bool v1, bool v2, LinkFile& links) {
  int n = 0;
  const int polls = std::getenv("STRIPE_DEMO_POLLS") ? std::atoi(std::getenv("STRIPE_DEMO_POLLS")) : 60;
  if (v1) {
    step(n, "v1: create an Express-dashboard account and an onboarding link");
    stripe::v1::AccountCreateParams create;
    create.country = "US";
    create.email = "jenny.rosen@example.com";
    auto& ctl = create.controller.emplace();
    ctl.fees.emplace().payer = "application";
    ctl.losses.emplace().payments = "application";
    ctl.stripe_dashboard.emplace().type = "express";
    create.capabilities.emplace().card_payments.emplace().requested = true;
    create.capabilities->transfers.emplace().requested = true;
    auto account = client.v1().accounts().create(create);
    say("created " + account->id);
    auto link = client.v1().account_links().create(ob::link_params(account->id, {kRefreshUrl, kReturnUrl, strategy, false}));
    say("link created, expires at " + std::to_string(link->expires_at));
    links.write(link->url);
    for (int i = 0; i < polls; ++i) {
      account = client.v1().accounts().retrieve(account->id);
      say("poll " + std::to_string(i + 1) + ": " + ob::to_string(ob::account_state(*account)));
      if (!ob::needs_onboarding(*account, strategy) || i + 1 == polls) break;
      std::this_thread::sleep_for(std::chrono::seconds(5));
    }
    print_v1(*account);
  }
  if (v2) {
    step(n, "v2: create a recipient account and an onboarding link");
    stripe::v2::core::AccountCreateParams create;
    create.contact_email = "furever@example.com";
    create.display_name = "FurEver";
    create.dashboard = "express";
    create.identity.emplace().country = "US";
    create.configuration.emplace().recipient.emplace().capabilities.emplace().stripe_balance.emplace()
        .stripe_transfers.emplace().requested = true;
    auto account = client.v2().core().accounts().create(create);
    say("created " + account->id);
    auto link = client.v2().core().account_links().create(
        ob::v2_link_params(account->id, {kRefreshUrl, kReturnUrl, strategy, false}, {"recipient"}));
    say("link created, expires at " + link->expires_at);
    links.write(link->url);
    stripe::v2::core::AccountRetrieveParams rp;
    rp.include = std::vector<stripe::v2::core::AccountRetrieveParams::Include>{"configuration.recipient", "requirements"};
    for (int i = 0; i < polls; ++i) {
      account = client.v2().core().accounts().retrieve(account->id, rp);
      say("poll " + std::to_string(i + 1) + ": " + ob::summarize(*account).label());
      if (ob::summarize(*account).recipient_ready || i + 1 == polls) break;
      std::this_thread::sleep_for(std::chrono::seconds(5));
    }
    print_v2(*account);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  ob::Strategy strategy = ob::Strategy::up_front;
  bool v1 = true, v2 = true;
  std::string link_file = "onboarding-link.txt";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--link-file" && i + 1 < argc) link_file = argv[++i];
    else if (arg == "--incremental") strategy = ob::Strategy::incremental;
    else if (arg == "--up-front") strategy = ob::Strategy::up_front;
    else if (arg == "--v1-only") v2 = false;
    else if (arg == "--v2-only") v1 = false;
    else {
      std::cerr << "usage: onboarding_demo [--incremental|--up-front] [--v1-only|--v2-only] [--link-file PATH]\n";
      return 2;
    }
  }
  try {
    const char* key = std::getenv("STRIPE_SECRET_KEY");
    if (key && *key) {
      stripe::ClientOptions o;
      o.secret_key = key;
      if (const char* base = std::getenv("STRIPE_API_BASE")) o.base_url = base;
      o.app_info = stripe::AppInfo{"onboarding_demo", stripe::sdk_version, "", ""};
      std::cout << "Running against Stripe (" << o.base_url << ").\n";
      LinkFile links(link_file);
      return run_live(stripe::Client(o), strategy, v1, v2, links);
    }
    std::cout << "Running offline against the embedded simulator (set STRIPE_SECRET_KEY to use Stripe).\n";
    auto sim = std::make_shared<stripe::testing::Simulator>();
    WebhookEndpoint hooks{sim->webhook_secret(), {}};
    sim->on_webhook([&hooks](const stripe::testing::WebhookDelivery& d) { return hooks.deliver(d); });
    stripe::ClientOptions o;
    o.secret_key = "sk_test_simulated_platform";
    o.transport = sim;
    stripe::Client client(o);
    int rc = 0;
    if (v1) rc |= run_v1_simulated(client, *sim, hooks, strategy);
    if (v2) rc |= run_v2_simulated(client, *sim, strategy);
    int verified = 0, rejected = 0;
    for (const auto& d : sim->webhook_deliveries()) (d.status == 200 ? verified : rejected) += 1;
    if (rejected) rc |= 1;
    std::cout << "\n" << verified << " signed webhook deliveries verified, " << rejected << " rejected by the endpoint. "
              << (rc == 0 ? "All flows completed." : "Some flow did not complete.") << "\n";
    return rc;
  } catch (const stripe::Error& e) {
    std::cerr << "Stripe error: " << e.what() << "\n";
    return 1;
  }
}
