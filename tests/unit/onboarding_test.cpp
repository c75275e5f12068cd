#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "stripe/onboarding.hpp"
#include "stripe/testing/recording_transport.hpp"
#include "support/fixtures.hpp"

namespace ob = stripe::onboarding;
namespace v1 = stripe::v1;
namespace v2 = stripe::v2::core;

namespace {
// Builds an account from the few fields the state rules read. A list argument of "missing"
// leaves the key out, "null" sends null, otherwise a comma-separated list ("" is empty).
v1::Account account(bool charges, bool payouts, const char* disabled_reason, const char* currently_due,
                    const char* eventually_due, const char* past_due, const char* pending) {
  nlohmann::json req = nlohmann::json::object();
  auto put = [&](const char* key, const char* v) {
    std::string s = v;
    if (s == "missing") return;
    if (s == "null") {
      req[key] = nullptr;
      return;
    }
    nlohmann::json arr = nlohmann::json::array();
    std::size_t start = 0;
    while (!s.empty() && start <= s.size()) {
      auto end = s.find(',', start);
      if (end == std::string::npos) end = s.size();
      arr.push_back(s.substr(start, end - start));
      start = end + 1;
    }
    req[key] = arr;
  };
  put("currently_due", currently_due);
  put("eventually_due", eventually_due);
  put("past_due", past_due);
  put("pending_verification", pending);
  req["disabled_reason"] = disabled_reason ? nlohmann::json(disabled_reason) : nlohmann::json(nullptr);
  return stripe::decode<v1::Account>(
      nlohmann::json{{"id", "acct_x"}, {"charges_enabled", charges}, {"payouts_enabled", payouts}, {"requirements", req}});
}
}  // namespace

TEST_CASE("account_state reaches every branch of the onboarding guide, in order") {
  struct Row {
    bool charges, payouts;
    const char* reason;
    const char *cd, *ed, *pd, *pv;
    const char* label;
  };
  const Row rows[] = {
      // 1. rejected wins over everything
      {true, true, "rejected.fraud", "", "", "", "", "rejected"},
      {false, false, "rejected.listed", "a", "a", "a", "a", "rejected"},
      // 2. charges and payouts enabled
      {true, true, nullptr, "", "", "", "doc", "pending enablement"},
      {true, true, nullptr, "", "", "", "", "complete"},
      {true, true, nullptr, "missing", "missing", "missing", "missing", "complete"},
      {true, true, nullptr, "null", "null", "null", "null", "complete"},
      {true, true, nullptr, "", "tax_id", "", "", "enabled"},
      {true, true, nullptr, "null", "tax_id", "null", "null", "enabled"},
      {true, true, nullptr, "tax_id", "tax_id", "", "", "restricted"},
      {true, true, "requirements.pending_verification", "", "", "", "", "restricted"},
      // 3, 4: one of the two
      {true, false, nullptr, "", "", "", "", "restricted (payouts disabled)"},
      {false, true, nullptr, "", "", "", "", "restricted (charges disabled)"},
      // 5. past due
      {false, false, "requirements.past_due", "x", "x", "x", "", "restricted (past due)"},
      {false, false, nullptr, "missing", "missing", "x", "y", "restricted (past due)"},
      // 6. pending verification
      {false, false, "requirements.pending_verification", "", "", "", "doc", "pending (disabled)"},
      {false, false, nullptr, "null", "null", "null", "doc", "pending (disabled)"},
      {false, false, nullptr, "", "", "", "null", "restricted"},
      // 7. otherwise
      {false, false, nullptr, "missing", "missing", "missing", "missing", "restricted"},
      {false, false, "action_required.requested_capabilities", "x", "", "", "", "restricted"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.charges, r.payouts, r.reason ? r.reason : "-", r.cd, r.ed, r.pd, r.pv);
    CHECK(std::string(ob::to_string(ob::account_state(account(r.charges, r.payouts, r.reason, r.cd, r.ed, r.pd, r.pv)))) ==
          r.label);
  }
  v1::Account no_requirements;
  CHECK(ob::account_state(no_requirements) == ob::AccountState::restricted);
  no_requirements.charges_enabled = no_requirements.payouts_enabled = true;
  CHECK(ob::account_state(no_requirements) == ob::AccountState::complete);
}

TEST_CASE("fixtures land in the states a platform would expect") {
  auto custom = stripe::decode<v1::Account>(test_support::fixture("v1_account_custom.json"));
  auto express = stripe::decode<v1::Account>(test_support::fixture("v1_account_express.json"));
  auto rejected = stripe::decode<v1::Account>(test_support::fixture("v1_account_rejected.json"));
  CHECK(ob::account_state(custom) == ob::AccountState::restricted_past_due);
  CHECK(ob::account_state(express) == ob::AccountState::enabled);
  CHECK(ob::account_state(rejected) == ob::AccountState::rejected);
  auto s = ob::summarize(custom);
  CHECK(std::string(s.label()) == "restricted (past due)");
  CHECK(s.current_deadline == 1700000000);
  CHECK(s.errors.size() == 2);
  CHECK(s.past_due == std::vector<std::string>{"company.tax_id"});
  CHECK(s.future_eventually_due == std::vector<std::string>{"company.tax_id_registrar"});
  CHECK(s.capabilities.at("transfers") == "pending");
  CHECK(s.details_submitted);
}

TEST_CASE("needs_onboarding follows the strategy (v1)") {
  auto express = stripe::decode<v1::Account>(test_support::fixture("v1_account_express.json"));
  CHECK_FALSE(ob::needs_onboarding(express, ob::Strategy::incremental));  // only eventually_due left
  CHECK(ob::needs_onboarding(express, ob::Strategy::up_front));
  auto custom = stripe::decode<v1::Account>(test_support::fixture("v1_account_custom.json"));
  CHECK(ob::needs_onboarding(custom, ob::Strategy::incremental));
  auto past_due_only = account(false, false, nullptr, "", "", "x", "");
  CHECK(ob::needs_onboarding(past_due_only, ob::Strategy::incremental));
  auto done = account(true, true, nullptr, "", "", "", "");
  CHECK_FALSE(ob::needs_onboarding(done, ob::Strategy::up_front));
  v1::Account fresh;  // no requirements block yet, nothing submitted
  CHECK(ob::needs_onboarding(fresh, ob::Strategy::incremental));
}

TEST_CASE("v2 summary: capability readiness, prompts, entries by deadline, future requirements") {
  auto a = stripe::decode<v2::Account>(test_support::fixture("v2_account_recipient.json"));
  auto s = ob::summarize(a);
  CHECK_FALSE(s.recipient_ready);
  CHECK(s.prompt_continue_onboarding);
  CHECK(s.label() == "action required (past due)");
  REQUIRE(s.capabilities.size() == 3);
  const ob::CapabilityReport* transfers = nullptr;
  for (const auto& c : s.capabilities)
    if (c.capability == "stripe_balance.stripe_transfers") transfers = &c;
  REQUIRE(transfers);
  CHECK(transfers->configuration == "recipient");
  CHECK(transfers->status == "restricted");
  CHECK(transfers->needs_user_action());
  CHECK(s.entries_by_deadline.at("past_due").size() == 1);
  CHECK(s.entries_by_deadline.at("currently_due").size() == 1);
  CHECK(s.entries_by_deadline.at("eventually_due").at(0).description == "company.tax_id");
  REQUIRE(s.future_requirements.size() == 1);
  CHECK(s.future_requirements[0].description == "company.tax_id");
  CHECK(ob::needs_onboarding(a, ob::Strategy::incremental));

  // Once the user has provided everything and transfers are active, the account is ready.
  auto j = test_support::fixture("v2_account_recipient.json");
  j["configuration"]["recipient"]["capabilities"]["stripe_balance"]["stripe_transfers"] = {{"status", "active"}, {"status_details", nlohmann::json::array()}};
  j["configuration"]["recipient"]["capabilities"]["stripe_balance"]["payouts"] = {{"status", "active"}, {"status_details", nlohmann::json::array()}};
  j["requirements"]["entries"] = nlohmann::json::array({j["requirements"]["entries"][2]});
  auto ready = ob::summarize(stripe::decode<v2::Account>(j));
  CHECK(ready.recipient_ready);
  CHECK_FALSE(ready.prompt_continue_onboarding);
  CHECK(ready.label() == "ready (more due eventually)");
  CHECK_FALSE(ob::needs_onboarding(stripe::decode<v2::Account>(j), ob::Strategy::incremental));
  CHECK(ob::needs_onboarding(stripe::decode<v2::Account>(j), ob::Strategy::up_front));
}

namespace {
// A v2 account from the few fields the v2 state rules read.
struct V2Cap {
  const char* configuration;  // recipient | merchant
  const char* path;           // e.g. stripe_balance.stripe_transfers, card_payments
  const char* status;
  const char* code;  // one status_details code, or "" for none
};
struct V2Due {
  const char* deadline;  // currently_due | past_due | eventually_due
  const char* awaiting;  // user | stripe
};
v2::Account v2_account(bool closed, const std::vector<V2Cap>& caps, const std::vector<V2Due>& entries) {
  nlohmann::json j = {{"id", "acct_v2"}, {"object", "v2.core.account"}, {"closed", closed}};
  for (const auto& c : caps) {
    nlohmann::json status = {{"status", c.status}, {"status_details", nlohmann::json::array()}};
    if (*c.code) status["status_details"].push_back({{"code", c.code}, {"resolution", "provide_info"}});
    std::string pointer = std::string("/") + c.path;
    std::replace(pointer.begin(), pointer.end(), '.', '/');
    j["configuration"][c.configuration]["capabilities"][nlohmann::json::json_pointer(pointer)] = status;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : entries)
    list.push_back({{"awaiting_action_from", e.awaiting}, {"description", "individual.id_number"},
                    {"errors", nlohmann::json::array()}, {"impact", {{"restricts_capabilities", nlohmann::json::array()}}},
                    {"minimum_deadline", {{"status", e.deadline}}}, {"requested_reasons", nlohmann::json::array()}});
  if (!entries.empty()) j["requirements"] = {{"entries", list}};
  return stripe::decode<v2::Account>(j);
}
}  // namespace

TEST_CASE("v2 label tells who must act, and names closed, rejected and merchant-only accounts") {
  const V2Cap transfers_active{"recipient", "stripe_balance.stripe_transfers", "active", ""};
  const V2Cap transfers_pending{"recipient", "stripe_balance.stripe_transfers", "pending", "requirements_pending_verification"};
  const V2Cap transfers_past_due{"recipient", "stripe_balance.stripe_transfers", "restricted", "requirements_past_due"};
  const V2Cap transfers_rejected{"recipient", "stripe_balance.stripe_transfers", "restricted", "rejected_fraud"};
  const V2Cap cards_active{"merchant", "card_payments", "active", ""};
  const V2Cap cards_pending{"merchant", "card_payments", "pending", "requirements_pending_verification"};
  const V2Cap cards_status_rejected{"merchant", "card_payments", "rejected", ""};
  struct Row {
    const char* what;
    bool closed;
    std::vector<V2Cap> caps;
    std::vector<V2Due> entries;
    ob::V2State state;
    const char* label;
  };
  const std::vector<Row> rows = {
      {"closed outranks everything", true, {transfers_active}, {}, ob::V2State::closed, "closed"},
      {"rejected by code", false, {transfers_rejected}, {{"currently_due", "user"}}, ob::V2State::rejected, "rejected"},
      {"rejected by status", false, {cards_status_rejected}, {}, ob::V2State::rejected, "rejected"},
      {"capability says past due", false, {transfers_past_due}, {}, ob::V2State::action_required_past_due,
       "action required (past due)"},
      {"past due entry on the user", false, {transfers_pending}, {{"past_due", "user"}},
       ob::V2State::action_required_past_due, "action required (past due)"},
      {"some entry awaits the user", false, {transfers_pending}, {{"currently_due", "stripe"}, {"currently_due", "user"}},
       ob::V2State::action_required, "action required"},
      {"every entry awaits Stripe", false, {transfers_pending}, {{"currently_due", "stripe"}, {"past_due", "stripe"}},
       ob::V2State::awaiting_stripe, "awaiting Stripe"},
      {"recipient ready", false, {transfers_active}, {}, ob::V2State::ready, "ready"},
      {"recipient ready while Stripe reviews", false, {transfers_active}, {{"currently_due", "stripe"}},
       ob::V2State::ready, "ready"},
      {"recipient ready, more later", false, {transfers_active}, {{"eventually_due", "user"}}, ob::V2State::ready_more_due,
       "ready (more due eventually)"},
      {"merchant only, active", false, {cards_active}, {}, ob::V2State::active, "active"},
      {"merchant only, active, more later", false, {cards_active}, {{"eventually_due", "user"}},
       ob::V2State::active_more_due, "active (more due eventually)"},
      {"merchant only, verifying", false, {cards_pending}, {{"currently_due", "stripe"}}, ob::V2State::awaiting_stripe,
       "awaiting Stripe"},
      {"recipient not ready though merchant is active", false, {cards_active, transfers_pending}, {},
       ob::V2State::pending, "pending"},
      {"nothing requested", false, {}, {}, ob::V2State::pending, "pending"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    auto s = ob::summarize(v2_account(row.closed, row.caps, row.entries));
    CHECK(s.state() == row.state);
    CHECK(s.label() == row.label);
  }
  // Every state has its own label.
  std::set<std::string> labels;
  for (int i = 0; i <= static_cast<int>(ob::V2State::pending); ++i) labels.insert(ob::to_string(static_cast<ob::V2State>(i)));
  CHECK(labels.size() == static_cast<std::size_t>(ob::V2State::pending) + 1);
}

TEST_CASE("link params follow the strategy; v1 and v2") {
  ob::LinkOptions o{"https://example.com/reauth", "https://example.com/return", ob::Strategy::up_front, true};
  CHECK(stripe::form_encode(stripe::encode_params(ob::link_params("acct_1", o))) ==
        "account=acct_1&type=account_onboarding&refresh_url=https%3A%2F%2Fexample.com%2Freauth"
        "&return_url=https%3A%2F%2Fexample.com%2Freturn&collection_options[fields]=eventually_due"
        "&collection_options[future_requirements]=include");
  o.strategy = ob::Strategy::incremental;
  o.include_future_requirements = false;
  auto v2p = stripe::encode_params(ob::v2_link_params("acct_1", o, {"recipient"}));
  CHECK(v2p.at("use_case").at("type") == "account_onboarding");
  CHECK(v2p.at("use_case").at("account_onboarding").at("collection_options").at("fields") == "currently_due");
  CHECK(v2p.at("use_case").at("account_onboarding").at("collection_options").at("future_requirements") == "omit");
  CHECK(v2p.at("use_case").at("account_onboarding").at("configurations") == nlohmann::ordered_json({"recipient"}));
}

TEST_CASE("can_use_account_update follows the controller rules") {
  auto custom = stripe::decode<v1::Account>(test_support::fixture("v1_account_custom.json"));
  auto express = stripe::decode<v1::Account>(test_support::fixture("v1_account_express.json"));
  CHECK(ob::can_use_account_update(custom));
  CHECK_FALSE(ob::can_use_account_update(express));
  v1::Account legacy_custom;
  legacy_custom.type = v1::Account::Type::custom;
  CHECK(ob::can_use_account_update(legacy_custom));
  v1::Account full_dashboard = custom;
  full_dashboard.controller->stripe_dashboard->type = "full";
  CHECK_FALSE(ob::can_use_account_update(full_dashboard));
  v1::Account stripe_collects = custom;
  stripe_collects.controller->requirement_collection = "stripe";
  CHECK_FALSE(ob::can_use_account_update(stripe_collects));
}

TEST_CASE("refresh_link creates a new link with the same parameters; account_update is refused early") {
  auto t = std::make_shared<stripe::testing::RecordingTransport>();
  t->set_fallback([](const stripe::http::Request&) {
    return stripe::http::Response{200, {}, R"({"object":"account_link","created":1,"expires_at":301,"url":"https://connect.stripe.com/setup/s/x"})"};
  });
  stripe::ClientOptions opts;
  opts.secret_key = "sk_live_platform";
  opts.transport = t;
  stripe::Client client(opts);
  ob::LinkOptions o{"https://example.com/reauth", "https://example.com/return", ob::Strategy::up_front, false};
  auto first_params = ob::link_params("acct_1", o);
  client.v1().account_links().create(first_params);
  ob::refresh_link(client, first_params);
  auto reqs = t->requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].body == reqs[1].body);
  CHECK(reqs[0].headers.get("Idempotency-Key") != reqs[1].headers.get("Idempotency-Key"));  // a new link

  auto express = stripe::decode<v1::Account>(test_support::fixture("v1_account_express.json"));
  CHECK_THROWS_AS(ob::create_link(client, express, o, v1::AccountLinkCreateParams::Type::account_update),
                  stripe::InvalidParamsError);
  o.refresh_url = "http://example.com/reauth";  // live key: HTTPS required
  CHECK_THROWS_AS(ob::create_link(client, express, o), stripe::InvalidParamsError);
  CHECK_THROWS_AS(ob::validate_link(ob::v2_link_params("acct_1", o)), stripe::InvalidParamsError);
  CHECK(t->request_count() == 2);
}
