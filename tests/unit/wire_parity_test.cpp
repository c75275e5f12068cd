// The onboarding endpoints put on the wire exactly what stripe-node 23.1.0 sends for the same
// parameters. tests/data/stripe_node_wire.json is recorded from stripe-node by
// tests/node/record_wire.cjs (the stripe_node_wire test re-records it); each case here builds the
// same params with the typed API and compares method, path, query and body byte for byte.
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "stripe/connect.hpp"
#include "stripe/testing/recording_transport.hpp"
#include "support/fixtures.hpp"

using stripe::testing::RecordingTransport;
namespace v1 = stripe::v1;
namespace v2 = stripe::v2::core;

namespace {

const nlohmann::json& recorded_cases() {
  static const nlohmann::json cases = [] {
    auto all = nlohmann::json::parse(test_support::read_file(std::string(STRIPE_CONNECT_TEST_DATA) + "/stripe_node_wire.json"));
    nlohmann::json by_name = nlohmann::json::object();
    for (const auto& c : all.at("cases")) by_name[c.at("name").get<std::string>()] = c.at("request");
    return by_name;
  }();
  return cases;
}

std::string base64_decode(const std::string& in) {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int bits = 0;
  std::uint32_t value = 0;  // only the low bits matter; unsigned so the shift never overflows
  for (char c : in) {
    if (c == '=') break;
    value = (value << 6) | static_cast<std::uint32_t>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((value >> bits) & 0xFF));
    }
  }
  return out;
}

struct Harness {
  std::shared_ptr<RecordingTransport> transport = std::make_shared<RecordingTransport>();
  stripe::Client client{[this] {
    stripe::ClientOptions o;
    o.secret_key = "sk_test_wire";
    o.transport = transport;
    o.base_url = "https://api.example";
    o.files_base_url = "https://files.example";
    return o;
  }()};

  // Every typed result decodes from this body (lists and objects read absent fields as empty).
  Harness() {
    transport->set_fallback([](const stripe::http::Request&) { return stripe::http::Response{200, {}, R"({"id":"x"})"}; });
  }

  // Compares the last request with the recorded one; `base` is the host the call must go to.
  void check(const std::string& name, const std::string& base = "https://api.example") const {
    INFO(name);
    const auto& want = recorded_cases().at(name);
    auto got = transport->requests().back();
    CHECK(stripe::http::method_name(got.method) == want.at("method").get<std::string>());
    std::string query = want.at("query");
    CHECK(got.url == base + want.at("path").get<std::string>() + (query.empty() ? "" : "?" + query));
    CHECK(got.headers.contains("Idempotency-Key") == want.at("idempotency_key").get<bool>());
    if (want.contains("boundary")) {
      // stripe-node's boundary is random; the fixture has a fixed one in its place.
      std::string content_type = *got.headers.get("Content-Type");
      std::string boundary = content_type.substr(content_type.find("boundary=") + 9);
      std::string body = got.body;
      for (auto at = body.find(boundary); at != std::string::npos; at = body.find(boundary, at + 1))
        body.replace(at, boundary.size(), want.at("boundary").get<std::string>());
      CHECK(body == base64_decode(want.at("body_base64")));
      CHECK(content_type.substr(0, content_type.find("boundary=")) == "multipart/form-data; ");
    } else if (got.method == stripe::http::Method::post) {
      CHECK(got.body == want.at("body").get<std::string>());
      CHECK(*got.headers.get("Content-Type") == want.at("content_type").get<std::string>());
    }
  }
};

// The address every case sends; the address types differ (v1 params, v2 with a required
// country or a town), the fields set do not.
template <class Address>
Address oyster_point() {
  Address a;
  a.city = "South San Francisco";
  a.country = "US";
  a.line1 = "354 Oyster Point Blvd";
  a.postal_code = "94080";
  a.state = "CA";
  return a;
}

}  // namespace

TEST_CASE("v1 persons: create, retrieve, update, delete and list encode as stripe-node does") {
  Harness h;
  v1::PersonCreateParams p;
  p.address = oyster_point<stripe::AddressParams>();
  p.dob = stripe::DateOfBirthParams{15, 6, 1985};
  p.documents.emplace().passport.emplace().files = std::vector<std::string>{"file_1Wire", "file_2Wire"};
  p.email = "jenny.rosen@example.com";
  p.expand = std::vector<std::string>{"verification.document.front"};
  p.first_name = "Jenny";
  p.full_name_aliases = std::vector<std::string>{"Jen Rosen"};
  p.last_name = "Rosen";
  p.metadata = std::map<std::string, std::optional<std::string>>{{"internal_id", "p-42"}, {"role", "founder"}};
  p.phone = "+15555550100";
  p.political_exposure = v1::PersonCreateParams::PoliticalExposure::none;
  auto& rel = p.relationship.emplace();
  rel.director = false;
  rel.executive = true;
  rel.owner = true;
  rel.percent_ownership = 25.5;
  rel.representative = true;
  rel.title = "CEO";
  p.ssn_last_4 = "0000";
  auto& doc = p.verification.emplace().document.emplace();
  doc.back = "file_2Wire";
  doc.front = "file_1Wire";
  h.client.v1().persons().create("acct_1Wire", p);
  h.check("v1.persons.create");

  h.client.v1().persons().retrieve("acct_1Wire", "person_1Wire");
  h.check("v1.persons.retrieve");

  v1::PersonUpdateParams u;
  u.dob = stripe::clear;
  u.full_name_aliases = stripe::clear;
  u.metadata = std::map<std::string, std::optional<std::string>>{{"internal_id", std::nullopt}, {"reviewed", "yes"}};
  auto& urel = u.relationship.emplace();
  urel.percent_ownership = stripe::clear;
  urel.title = "CFO";
  h.client.v1().persons().update("acct_1Wire", "person_1Wire", u);
  h.check("v1.persons.update");

  h.client.v1().persons().del("acct_1Wire", "person_1Wire");
  h.check("v1.persons.delete");

  v1::PersonListParams l;
  l.relationship.emplace().owner = true;
  l.relationship->representative = false;
  l.limit = 10;
  h.client.v1().persons().list("acct_1Wire", l);
  h.check("v1.persons.list");
}

TEST_CASE("v1 external accounts: a token or a bank account hash, and the other calls, encode as stripe-node does") {
  Harness h;
  v1::ExternalAccountCreateParams bank;
  v1::ExternalAccountCreateParams::BankAccount hash;
  hash.object = "bank_account";
  hash.account_holder_name = "Jenny Rosen";
  hash.account_holder_type = "individual";
  hash.account_number = "000123456789";
  hash.country = "US";
  hash.currency = "usd";
  hash.routing_number = "110000000";
  bank.external_account = hash;
  bank.default_for_currency = true;
  h.client.v1().external_accounts().create("acct_1Wire", bank);
  h.check("v1.external_accounts.create_bank_account");

  v1::ExternalAccountCreateParams token;
  token.external_account = "btok_1Wire";
  token.metadata = std::map<std::string, std::optional<std::string>>{{"source", "wire"}};
  h.client.v1().external_accounts().create("acct_1Wire", token);
  h.check("v1.external_accounts.create_token");

  h.client.v1().external_accounts().retrieve("acct_1Wire", "ba_1Wire");
  h.check("v1.external_accounts.retrieve");

  v1::ExternalAccountUpdateParams u;
  u.account_holder_name = "Jenny R. Rosen";
  u.account_holder_type = stripe::clear;
  u.default_for_currency = true;
  u.metadata = std::map<std::string, std::optional<std::string>>{{"source", std::nullopt}, {"verified", "yes"}};
  h.client.v1().external_accounts().update("acct_1Wire", "ba_1Wire", u);
  h.check("v1.external_accounts.update");

  h.client.v1().external_accounts().del("acct_1Wire", "ba_1Wire");
  h.check("v1.external_accounts.delete");

  v1::ExternalAccountListParams l;
  l.object = v1::ExternalAccountListParams::Object::bank_account;
  l.limit = 5;
  h.client.v1().external_accounts().list("acct_1Wire", l);
  h.check("v1.external_accounts.list");
}

TEST_CASE("v1 login links, account sessions, unreject and the platform account encode as stripe-node does") {
  Harness h;
  h.client.v1().login_links().create("acct_1Wire");
  h.check("v1.accounts.create_login_link");
  h.client.v1().accounts().unreject("acct_1Wire");
  h.check("v1.accounts.unreject");
  v1::AccountRetrieveCurrentParams current;
  current.expand = std::vector<std::string>{"capabilities", "external_accounts"};
  h.client.v1().accounts().retrieve_current(current);
  h.check("v1.accounts.retrieve_current");

  v1::AccountSessionCreateParams s;
  s.account = "acct_1Wire";
  auto& c = s.components;
  auto& management = c.account_management.emplace();
  management.enabled = true;
  management.features.emplace().disable_stripe_user_authentication = false;
  management.features->external_account_collection = true;
  auto& onboarding = c.account_onboarding.emplace();
  onboarding.enabled = true;
  onboarding.features.emplace().disable_stripe_user_authentication = true;
  onboarding.features->external_account_collection = true;
  c.documents.emplace().enabled = true;
  c.documents->features.emplace();
  auto& banner = c.notification_banner.emplace();
  banner.enabled = true;
  banner.features.emplace().external_account_collection = false;
  auto& payouts = c.payouts.emplace();
  payouts.enabled = true;
  payouts.features.emplace().edit_payout_schedule = true;
  payouts.features->instant_payouts = true;
  payouts.features->standard_payouts = false;
  h.client.v1().account_sessions().create(s);
  h.check("v1.account_sessions.create");
}

TEST_CASE("v1 files go to the files host as multipart/form-data byte for byte as stripe-node sends them") {
  Harness h;
  v1::FileCreateParams f;
  f.file.data = base64_decode("iVBORw0KGgoA/wD+/w0KLS0NCi0td2lyZS0tDQoNCgAA/9gtLQ0=");
  REQUIRE(f.file.data.size() == 38);
  f.file.name = "id front.png";
  f.file.type = "image/png";
  f.purpose = v1::FileCreateParams::Purpose::identity_document;
  f.expand = std::vector<std::string>{"links"};
  auto& link = f.file_link_data.emplace();
  link.create = true;
  link.expires_at = 1893456000;
  link.metadata = std::map<std::string, std::optional<std::string>>{{"case", "wire"}};
  h.client.v1().files().create(f);
  h.check("v1.files.create", "https://files.example");

  h.client.v1().files().retrieve("file_1Wire");
  h.check("v1.files.retrieve");
  v1::FileListParams l;
  l.created.emplace().gte = 1767225600;
  l.created->lt = 1798761600;
  l.purpose = "identity_document";
  l.limit = 2;
  h.client.v1().files().list(l);
  h.check("v1.files.list");

  v1::FileLinkCreateParams lc;
  lc.file = "file_1Wire";
  lc.expires_at = 1893456000;
  lc.metadata = std::map<std::string, std::optional<std::string>>{{"purpose", "review"}};
  h.client.v1().file_links().create(lc);
  h.check("v1.file_links.create");
  h.client.v1().file_links().retrieve("link_1Wire");
  h.check("v1.file_links.retrieve");
  v1::FileLinkUpdateParams lu;
  lu.expires_at = v1::FileLinkUpdateParams::ExpiresAtKeyword::now;
  lu.metadata = stripe::clear;
  h.client.v1().file_links().update("link_1Wire", lu);
  h.check("v1.file_links.update");
  v1::FileLinkListParams ll;
  ll.expired = false;
  ll.file = "file_1Wire";
  ll.limit = 10;
  h.client.v1().file_links().list(ll);
  h.check("v1.file_links.list");
}

TEST_CASE("v1 country specs and tokens encode as stripe-node does") {
  Harness h;
  h.client.v1().country_specs().retrieve("US");
  h.check("v1.country_specs.retrieve");
  v1::CountrySpecListParams l;
  l.limit = 3;
  h.client.v1().country_specs().list(l);
  h.check("v1.country_specs.list");

  v1::TokenCreateParams account;
  auto& a = account.account.emplace();
  a.business_type = "company";
  auto& company = a.company.emplace();
  company.address = oyster_point<stripe::AddressParams>();
  company.name = "Wire Widgets Inc.";
  company.tax_id = "000000000";
  a.tos_shown_and_accepted = true;
  h.client.v1().tokens().create(account);
  h.check("v1.tokens.create_account");

  v1::TokenCreateParams person;
  auto& pp = person.person.emplace();
  pp.address = oyster_point<stripe::AddressParams>();
  pp.dob = stripe::DateOfBirthParams{15, 6, 1985};
  pp.first_name = "Jenny";
  pp.last_name = "Rosen";
  pp.relationship.emplace().representative = true;
  pp.relationship->title = "CEO";
  h.client.v1().tokens().create(person);
  h.check("v1.tokens.create_person");

  h.client.v1().tokens().retrieve("tok_1Wire");
  h.check("v1.tokens.retrieve");
}

TEST_CASE("v2 persons and person tokens encode as stripe-node does") {
  Harness h;
  v2::PersonCreateParams p;
  auto& extra = p.additional_addresses.emplace().emplace_back();
  extra.city = "Toronto";
  extra.country = "CA";
  extra.line1 = "1 Front St W";
  extra.postal_code = "M5J 2X5";
  extra.purpose = "registered";
  extra.state = "ON";
  p.address = oyster_point<decltype(p.address)::value_type>();
  p.date_of_birth = stripe::DateOfBirthParams{15, 6, 1985};
  p.email = "jenny.rosen@example.com";
  p.given_name = "Jenny";
  auto& id = p.id_numbers.emplace().emplace_back();
  id.type = "us_ssn_last_4";
  id.value_ = "0000";
  p.metadata = std::map<std::string, std::optional<std::string>>{{"internal_id", "p-42"}};
  p.nationalities = std::vector<std::string>{"US", "CA"};
  p.phone = "+15555550100";
  auto& rel = p.relationship.emplace();
  rel.executive = true;
  rel.owner = true;
  rel.percent_ownership = "25.5";
  rel.representative = true;
  rel.title = "CEO";
  p.surname = "Rosen";
  h.client.v2().core().persons().create("acct_1Wire", p);
  h.check("v2.core.persons.create");

  h.client.v2().core().persons().retrieve("acct_1Wire", "person_1Wire");
  h.check("v2.core.persons.retrieve");
  v2::PersonUpdateParams u;
  u.email = "jenny@example.com";
  u.metadata = std::map<std::string, std::optional<std::string>>{{"internal_id", std::nullopt}, {"reviewed", "yes"}};
  u.relationship.emplace().percent_ownership = "30";
  u.relationship->title = "CFO";
  h.client.v2().core().persons().update("acct_1Wire", "person_1Wire", u);
  h.check("v2.core.persons.update");
  h.client.v2().core().persons().del("acct_1Wire", "person_1Wire");
  h.check("v2.core.persons.delete");
  v2::PersonListParams l;
  l.limit = 10;
  h.client.v2().core().persons().list("acct_1Wire", l);
  h.check("v2.core.persons.list");

  v2::PersonTokenCreateParams t;
  t.additional_terms_of_service.emplace().account.emplace().shown_and_accepted = true;
  t.address = oyster_point<decltype(t.address)::value_type>();
  t.date_of_birth = stripe::DateOfBirthParams{15, 6, 1985};
  t.given_name = "Jenny";
  t.relationship.emplace().representative = true;
  t.relationship->title = "CEO";
  t.surname = "Rosen";
  h.client.v2().core().person_tokens().create("acct_1Wire", t);
  h.check("v2.core.person_tokens.create");
  h.client.v2().core().person_tokens().retrieve("acct_1Wire", "perstok_1Wire");
  h.check("v2.core.person_tokens.retrieve");
}

TEST_CASE("v2 account tokens, events and event destinations encode as stripe-node does") {
  Harness h;
  v2::AccountTokenCreateParams t;
  t.contact_email = "ops@example.com";
  t.display_name = "Wire Widgets";
  auto& identity = t.identity.emplace();
  identity.attestations.emplace().terms_of_service.emplace().account.emplace().shown_and_accepted = true;
  auto& business = identity.business_details.emplace();
  business.address = oyster_point<decltype(business.address)::value_type>();
  business.registered_name = "Wire Widgets Inc.";
  identity.entity_type = "company";
  h.client.v2().core().account_tokens().create(t);
  h.check("v2.core.account_tokens.create");
  h.client.v2().core().account_tokens().retrieve("acctok_1Wire");
  h.check("v2.core.account_tokens.retrieve");

  v2::EventListParams el;
  el.limit = 10;
  el.object_id = "acct_1Wire";
  el.types = std::vector<std::string>{"v2.core.account[requirements].updated", "v2.core.account_person.created"};
  h.client.v2().core().events().list(el);
  h.check("v2.core.events.list");
  h.client.v2().core().events().retrieve("evt_1Wire");
  h.check("v2.core.events.retrieve");

  v2::EventDestinationCreateParams c;
  c.enabled_events = {"v2.core.account[requirements].updated", "v2.core.account_person.created"};
  c.event_payload = "thin";
  c.name = "wire-onboarding";
  c.type = "webhook_endpoint";
  c.description = "Connect onboarding events";
  c.events_from = std::vector<std::string>{"other_accounts"};
  c.include = std::vector<v2::EventDestinationCreateParams::Include>{"webhook_endpoint.url"};
  c.metadata = std::map<std::string, std::optional<std::string>>{{"team", "platform"}};
  c.webhook_endpoint.emplace().url = "https://platform.example/webhooks";
  h.client.v2().core().event_destinations().create(c);
  h.check("v2.core.event_destinations.create");

  v2::EventDestinationRetrieveParams r;
  r.include = std::vector<v2::EventDestinationRetrieveParams::Include>{"webhook_endpoint.url"};
  h.client.v2().core().event_destinations().retrieve("ed_1Wire", r);
  h.check("v2.core.event_destinations.retrieve");
  v2::EventDestinationUpdateParams u;
  u.description = "Onboarding events";
  u.enabled_events = std::vector<std::string>{"v2.core.account[requirements].updated"};
  u.include = std::vector<v2::EventDestinationUpdateParams::Include>{"webhook_endpoint.url"};
  u.webhook_endpoint.emplace().url = "https://platform.example/webhooks/v2";
  h.client.v2().core().event_destinations().update("ed_1Wire", u);
  h.check("v2.core.event_destinations.update");
  v2::EventDestinationListParams l;
  l.include = std::vector<v2::EventDestinationListParams::Include>{"webhook_endpoint.url"};
  l.limit = 20;
  h.client.v2().core().event_destinations().list(l);
  h.check("v2.core.event_destinations.list");
  h.client.v2().core().event_destinations().enable("ed_1Wire");
  h.check("v2.core.event_destinations.enable");
  h.client.v2().core().event_destinations().disable("ed_1Wire");
  h.check("v2.core.event_destinations.disable");
  h.client.v2().core().event_destinations().ping("ed_1Wire");
  h.check("v2.core.event_destinations.ping");
  h.client.v2().core().event_destinations().del("ed_1Wire");
  h.check("v2.core.event_destinations.delete");
}

TEST_CASE("every recorded stripe-node case is checked by a typed call here") {
  // The names this file's cases pass to check(), read from its source: a case recorded without a
  // typed call here, or a call naming no recorded case, fails.
  const std::string source = test_support::read_file(std::string(STRIPE_CONNECT_TEST_DATA) + "/../unit/wire_parity_test.cpp");
  const std::string call = "h.check(\"";
  std::set<std::string> checked;
  for (auto at = source.find(call); at != std::string::npos; at = source.find(call, at + 1)) {
    const auto name = at + call.size();
    checked.insert(source.substr(name, source.find('"', name) - name));
  }
  std::set<std::string> recorded;
  for (const auto& c : recorded_cases().items()) recorded.insert(c.key());
  CHECK(checked == recorded);
}
