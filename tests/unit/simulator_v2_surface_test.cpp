// The v2 core surface beyond accounts and links, driven through the SDK's typed client on the
// in-process Simulator: account persons, person and account tokens, the events list and event
// destinations with their deliveries.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "stripe/connect.hpp"
#include "stripe/testing/simulator.hpp"
#include "stripe/webhook.hpp"
#include "support/company_onboarding.hpp"
#include "support/schema_paths.hpp"

namespace v2 = stripe::v2::core;
using stripe::testing::Simulator;
using stripe::testing::WebhookDelivery;

namespace {

struct World {
  std::shared_ptr<Simulator> sim = std::make_shared<Simulator>();
  stripe::Client client = make();

  stripe::Client make() {
    stripe::ClientOptions o;
    o.secret_key = "sk_test_platform";
    o.transport = sim;
    o.retry.max_retries = 0;
    return stripe::Client(o);
  }

  v2::Account company() { return client.v2().core().accounts().create(test_support::us_company_recipient()).value(); }

  std::set<std::string> due(const std::string& account) {
    v2::AccountRetrieveParams rp;
    rp.include = std::vector<v2::AccountRetrieveParams::Include>{"requirements"};
    auto a = client.v2().core().accounts().retrieve(account, rp).value();
    std::set<std::string> out;
    for (const auto& e : a.requirements.value().entries)
      if (e.awaiting_action_from == "user") out.insert(e.description);
    return out;
  }

  v2::EventDestination destination(const std::vector<std::string>& events, const std::string& url = "https://platform.example/hooks") {
    v2::EventDestinationCreateParams p;
    p.name = "platform hooks";
    p.type = "webhook_endpoint";
    p.event_payload = "thin";
    p.enabled_events = events;
    p.events_from = std::vector<std::string>{"@accounts"};
    p.webhook_endpoint.emplace().url = url;
    p.include = std::vector<v2::EventDestinationCreateParams::Include>{"webhook_endpoint.url", "webhook_endpoint.signing_secret"};
    return client.v2().core().event_destinations().create(p).value();
  }
};

// The failure a call ends in (Catch fails the test when it succeeds).
template <class Call>
stripe::ErrorDetails failure(Call&& call) {
  try {
    call();
  } catch (const stripe::Error& e) {
    return e.details();
  }
  FAIL("the call succeeded");
  return {};
}

v2::PersonCreateParams representative() {
  v2::PersonCreateParams p;
  p.given_name = "Jenny";
  p.surname = "Rosen";
  p.email = "jenny@acme.example";
  p.phone = "+15555550100";
  auto& dob = p.date_of_birth.emplace();
  dob.day = 1;
  dob.month = 2;
  dob.year = 1980;
  auto& address = p.address.emplace();
  address.line1 = "1 Main St";
  address.city = "Springfield";
  address.postal_code = "94110";
  address.state = "CA";
  address.country = "US";
  auto& rel = p.relationship.emplace();
  rel.representative = true;
  rel.owner = true;
  rel.title = "CEO";
  v2::PersonCreateParams::IdNumbers ssn;
  ssn.type = "us_ssn_last_4";
  ssn.value_ = "0000";
  p.id_numbers = std::vector<v2::PersonCreateParams::IdNumbers>{ssn};
  return p;
}

}  // namespace

TEST_CASE("simulator v2: a representative and owner provided as a person meets the account's requirements") {
  World w;
  auto a = w.company();
  auto before = w.due(a.id);
  for (const char* name : {"representative.first_name", "representative.dob.day", "representative.relationship.title",
                           "representative.ssn_last_4", "company.owners_provided"})
    CHECK(before.count(name) == 1);

  auto created = w.client.v2().core().persons().create(a.id, representative());
  auto person = created.value();
  CHECK(person.id.rfind("person_", 0) == 0);
  CHECK(person.object == "v2.core.account_person");
  CHECK(person.account == a.id);
  CHECK(person.given_name == std::string("Jenny"));
  CHECK(person.relationship.value().representative == true);
  REQUIRE(person.id_numbers.size() == 1);
  CHECK(person.id_numbers[0].type == "us_ssn_last_4");
  CHECK(person.raw->dump().find("0000") == std::string::npos);  // the number itself is never shown

  auto after = w.due(a.id);
  for (const char* name : {"representative.first_name", "representative.last_name", "representative.dob.day",
                           "representative.email", "representative.relationship.title", "representative.address.line1",
                           "representative.ssn_last_4", "company.owners_provided"})
    CHECK(after.count(name) == 0);
  CHECK(after.count("company.name") == 1);  // what the person does not provide is still due
  CHECK(after.size() < before.size());

  // The person's events, in the events list with the request that caused them.
  v2::EventListParams lp;
  lp.object_id = person.id;
  auto events = w.client.v2().core().events().list(lp).value();
  REQUIRE(events.data.size() == 1);
  CHECK(events.data[0].type == "v2.core.account_person.created");
  CHECK(events.data[0].data_as<v2::V2CoreAccountPersonCreatedEventData>().account_id == a.id);
  REQUIRE(events.data[0].reason.has_value());
  CHECK(events.data[0].reason->type == "request");
  CHECK(events.data[0].reason->request.value().id == created.request_id());
  CHECK(events.data[0].reason->request->idempotency_key == created.idempotency_key());
  CHECK_FALSE(created.idempotency_key().empty());

  // The same idempotency key replays the create: still one person, one event.
  stripe::RequestOptions ro;
  ro.idempotency_key = "person-once";
  auto once = w.client.v2().core().persons().create(a.id, representative(), ro).value();
  auto replay = w.client.v2().core().persons().create(a.id, representative(), ro);
  CHECK(replay.value().id == once.id);
  CHECK(replay.response().headers.get("Idempotent-Replayed").value_or("") == "true");
  CHECK(w.client.v2().core().persons().list(a.id)->data.size() == 2);
}

TEST_CASE("simulator v2: persons are retrieved, updated, listed page by page and deleted") {
  World w;
  auto a = w.company();
  auto persons = w.client.v2().core().persons();
  std::vector<std::string> ids;
  for (const char* name : {"Ann", "Bob", "Cy"}) {
    v2::PersonCreateParams p;
    p.given_name = name;
    p.metadata = std::map<std::string, std::optional<std::string>>{{"crm", std::string("c-") + name}};
    ids.push_back(persons.create(a.id, p)->id);
  }
  CHECK(persons.retrieve(a.id, ids[1])->given_name == std::string("Bob"));

  v2::PersonUpdateParams up;
  up.surname = "Builder";
  up.metadata = std::map<std::string, std::optional<std::string>>{{"crm", std::nullopt}, {"team", std::string("ops")}};
  auto updated = persons.update(a.id, ids[1], up).value();
  CHECK(updated.surname == std::string("Builder"));
  CHECK(updated.given_name == std::string("Bob"));
  CHECK(updated.metadata.count("crm") == 0);
  CHECK(updated.metadata.at("team") == "ops");

  v2::PersonListParams lp;
  lp.limit = 2;
  auto first = persons.list(a.id, lp).value();
  REQUIRE(first.data.size() == 2);
  CHECK(first.data[0].id == ids[2]);  // newest first
  REQUIRE(first.next_page_url.has_value());
  CHECK_FALSE(first.previous_page_url.has_value());
  auto second = w.client.get_path(*first.next_page_url).value();
  REQUIRE(second.at("data").size() == 1);
  CHECK(second.at("data")[0].at("id") == ids[0]);
  CHECK(second.at("next_page_url").is_null());
  CHECK(second.at("previous_page_url").is_string());
  std::vector<std::string> all;
  for (const auto& p : persons.list_all(a.id, lp)) all.push_back(p.id);
  CHECK(all == std::vector<std::string>{ids[2], ids[1], ids[0]});

  auto gone = persons.del(a.id, ids[0]).value();
  CHECK(gone.id == ids[0]);
  CHECK(gone.object == std::string("v2.core.account_person"));
  auto missing = failure([&] { persons.retrieve(a.id, ids[0]); });
  CHECK(missing.http_status == 404);
  CHECK(missing.code == "resource_missing");
  CHECK(failure([&] { persons.retrieve(a.id, "person_unknown"); }).http_status == 404);
  CHECK(failure([&] { persons.create("acct_unknown", {}); }).http_status == 404);
  // A person of another account is not found through this one.
  auto other = w.company();
  CHECK(failure([&] { persons.retrieve(other.id, ids[1]); }).http_status == 404);
  // Params are checked against the typed params: an unknown one is refused.
  v2::PersonCreateParams odd;
  odd.extra_params = {{"favourite_colour", "blue"}};
  auto unknown = failure([&] { persons.create(a.id, odd); });
  CHECK(unknown.http_status == 400);
  CHECK(unknown.code == "parameter_unknown");
}

TEST_CASE("simulator v2: a person token is used once, by a person create or update of its account") {
  World w;
  auto a = w.company();
  auto tokens = w.client.v2().core().person_tokens();
  v2::PersonTokenCreateParams tp;
  tp.given_name = "Tokenized";
  tp.surname = "Person";
  auto token = tokens.create(a.id, tp).value();
  CHECK(token.id.rfind("perstok_", 0) == 0);
  CHECK(token.object == "v2.core.account_person_token");
  CHECK_FALSE(token.used);
  CHECK(token.expires_at > token.created);

  v2::PersonCreateParams p;
  p.person_token = token.id;
  p.email = "tok@acme.example";
  auto person = w.client.v2().core().persons().create(a.id, p).value();
  CHECK(person.given_name == std::string("Tokenized"));
  CHECK(person.email == std::string("tok@acme.example"));
  CHECK(tokens.retrieve(a.id, token.id)->used == true);

  auto reused = failure([&] { w.client.v2().core().persons().create(a.id, p); });
  CHECK(reused.http_status == 400);
  CHECK(reused.code == "token_already_used");
  CHECK(reused.param == "person_token");

  // Another account cannot see or use it.
  auto other = w.company();
  CHECK(failure([&] { tokens.retrieve(other.id, token.id); }).http_status == 404);
  auto fresh = tokens.create(a.id, tp).value();
  v2::PersonUpdateParams up;
  up.person_token = fresh.id;
  CHECK(failure([&] { w.client.v2().core().persons().update(other.id, person.id, up); }).http_status == 404);
  auto foreign = w.client.v2().core().persons().create(other.id, {}).value();
  CHECK(failure([&] { w.client.v2().core().persons().update(other.id, foreign.id, up); }).code == "resource_missing");

  // Expired tokens are refused.
  w.sim->advance_clock(601);
  auto expired = failure([&] { w.client.v2().core().persons().update(a.id, person.id, up); });
  CHECK(expired.http_status == 400);
  CHECK(expired.code == "token_expired");
}

TEST_CASE("simulator v2: an account token carries an account's details into create and update, once") {
  World w;
  auto tokens = w.client.v2().core().account_tokens();
  v2::AccountTokenCreateParams tp;
  tp.display_name = "Tokened Shop";
  tp.contact_email = "shop@tokened.example";
  auto& identity = tp.identity.emplace();
  identity.entity_type = "individual";
  identity.individual.emplace().given_name = "Tina";
  auto token = tokens.create(tp).value();
  CHECK(token.id.rfind("accttok_", 0) == 0);
  CHECK(token.object == "v2.core.account_token");
  CHECK_FALSE(tokens.retrieve(token.id)->used);

  v2::AccountCreateParams p;
  p.account_token = token.id;
  p.identity.emplace().country = "GB";  // the request's own params join the token's
  p.include = std::vector<v2::AccountCreateParams::Include>{"identity"};
  auto a = w.client.v2().core().accounts().create(p).value();
  CHECK(a.display_name == std::string("Tokened Shop"));
  CHECK(a.contact_email == std::string("shop@tokened.example"));
  CHECK(a.identity.value().entity_type == "individual");
  CHECK(a.identity->country == std::string("GB"));
  CHECK(a.identity->individual.value().given_name == std::string("Tina"));
  CHECK(tokens.retrieve(token.id)->used);

  auto reused = failure([&] { w.client.v2().core().accounts().create(p); });
  CHECK(reused.http_status == 400);
  CHECK(reused.code == "token_already_used");
  CHECK(reused.param == "account_token");

  v2::AccountTokenCreateParams rename;
  rename.display_name = "Renamed Shop";
  v2::AccountUpdateParams up;
  up.account_token = tokens.create(rename)->id;
  CHECK(w.client.v2().core().accounts().update(a.id, up)->display_name == std::string("Renamed Shop"));

  CHECK(failure([&] { tokens.retrieve("accttok_unknown"); }).http_status == 404);
  v2::AccountUpdateParams unknown;
  unknown.account_token = "accttok_unknown";
  CHECK(failure([&] { w.client.v2().core().accounts().update(a.id, unknown); }).code == "resource_missing");
}

TEST_CASE("simulator v2: the events list holds every v2 event, listened to or not, filtered and paged") {
  World w;  // no on_webhook receiver: nothing listens
  auto a = w.company();
  w.client.v2().core().persons().create(a.id, representative());  // requirements change
  auto b = w.company();
  w.client.v2().core().persons().create(b.id, representative());
  w.sim->advance_clock(3600);
  w.client.v2().core().persons().create(b.id, {});

  auto events = w.client.v2().core().events();
  v2::EventListParams by_account;
  by_account.object_id = a.id;
  auto of_a = events.list(by_account).value();
  REQUIRE(of_a.data.size() == 1);
  CHECK(of_a.data[0].type == "v2.core.account[requirements].updated");
  CHECK(of_a.data[0].related_object.value().id == a.id);
  CHECK(events.retrieve(of_a.data[0].id)->id == of_a.data[0].id);

  v2::EventListParams by_type;
  by_type.types = std::vector<std::string>{"v2.core.account_person.created"};
  auto created = events.list(by_type).value();
  CHECK(created.data.size() == 3);
  for (const auto& e : created.data) CHECK(e.type == "v2.core.account_person.created");

  v2::EventListParams recent = by_type;
  recent.created.emplace().gte = w.sim->now();
  auto late = events.list(recent).value();
  REQUIRE(late.data.size() == 1);
  CHECK(late.data[0].context == b.id);
  v2::EventListParams early = by_type;
  early.created.emplace().lt = w.sim->now();
  CHECK(events.list(early)->data.size() == 2);

  // Paging: limit 1 over the three, following next_page_url with its filters kept.
  by_type.limit = 1;
  auto page = events.list(by_type).value();
  REQUIRE(page.data.size() == 1);
  CHECK(page.data[0].id == late.data[0].id);  // newest first
  std::vector<std::string> ids;
  for (const auto& e : events.list_all(by_type)) ids.push_back(e.id);
  CHECK(ids.size() == 3);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 3);
  auto bad_page = failure([&] { w.client.get_path("/v2/core/events?page=nonsense"); });
  CHECK(bad_page.http_status == 400);
  CHECK(bad_page.param == "page");
}

TEST_CASE("simulator v2: event destinations are created, listed, updated, disabled, enabled and deleted") {
  World w;
  auto destinations = w.client.v2().core().event_destinations();
  auto d = w.destination({"v2.core.account[requirements].updated"});
  CHECK(d.id.rfind("ed_", 0) == 0);
  CHECK(d.status == "enabled");
  CHECK(d.event_payload == "thin");
  CHECK(d.webhook_endpoint.value().url == std::string("https://platform.example/hooks"));
  CHECK(d.webhook_endpoint->signing_secret.value().rfind("whsec_", 0) == 0);
  // The URL and the secret are redacted unless included.
  auto plain = destinations.retrieve(d.id).value();
  CHECK_FALSE(plain.webhook_endpoint.value().url.has_value());
  CHECK_FALSE(plain.webhook_endpoint->signing_secret.has_value());

  v2::EventDestinationCreateParams bridge;
  bridge.name = "bridge";
  bridge.type = "amazon_eventbridge";
  bridge.event_payload = "thin";
  bridge.enabled_events = {"v2.core.account_link.returned"};
  auto& aws = bridge.amazon_eventbridge.emplace();
  aws.aws_account_id = "123456789012";
  aws.aws_region = "us-east-1";
  auto eb = destinations.create(bridge).value();
  CHECK(eb.amazon_eventbridge.value().aws_account_id == "123456789012");
  CHECK(eb.amazon_eventbridge->aws_event_source_arn.find(eb.id) != std::string::npos);

  v2::EventDestinationUpdateParams up;
  up.name = "renamed";
  up.enabled_events = std::vector<std::string>{"v2.core.account_link.returned", "v2.core.account[requirements].updated"};
  auto renamed = destinations.update(d.id, up).value();
  CHECK(renamed.name == "renamed");
  CHECK(renamed.enabled_events.size() == 2);

  CHECK(destinations.disable(d.id)->status == "disabled");
  CHECK(destinations.retrieve(d.id)->status_details.value().disabled.value().reason == "user");
  CHECK(destinations.enable(d.id)->status == "enabled");

  v2::EventDestinationListParams lp;
  lp.limit = 1;
  auto first = destinations.list(lp).value();
  REQUIRE(first.data.size() == 1);
  CHECK(first.data[0].id == eb.id);  // newest first
  CHECK(first.next_page_url.has_value());
  std::vector<std::string> ids;
  for (const auto& x : destinations.list_all(lp)) ids.push_back(x.id);
  CHECK(ids == std::vector<std::string>{eb.id, d.id});

  v2::EventDestinationListParams with_url;
  with_url.include = std::vector<v2::EventDestinationListParams::Include>{"webhook_endpoint.url"};
  auto listed = destinations.list(with_url).value();
  REQUIRE(listed.data.size() == 2);
  CHECK(listed.data[1].webhook_endpoint.value().url == std::string("https://platform.example/hooks"));
  CHECK_FALSE(listed.data[1].webhook_endpoint->signing_secret.has_value());  // shown on create only

  CHECK(destinations.del(d.id)->id == d.id);
  CHECK(failure([&] { destinations.update(d.id, up); }).http_status == 404);
  CHECK(failure([&] { destinations.enable(d.id); }).http_status == 404);
  CHECK(failure([&] { destinations.retrieve(d.id); }).http_status == 404);
  CHECK(failure([&] { destinations.ping("ed_unknown"); }).http_status == 404);

  v2::EventDestinationCreateParams no_url;
  no_url.name = "broken";
  no_url.type = "webhook_endpoint";
  no_url.event_payload = "thin";
  no_url.enabled_events = {"v2.core.account_link.returned"};
  auto missing_url = failure([&] { destinations.create(no_url); });
  CHECK(missing_url.http_status == 400);
  CHECK(missing_url.param == "webhook_endpoint.url");
  no_url.webhook_endpoint.emplace().url = "ftp://platform.example/hooks";
  CHECK(failure([&] { destinations.create(no_url); }).code == "url_invalid");
}

TEST_CASE("simulator v2: an enabled destination receives the notifications it names, signed with its secret") {
  World w;
  std::vector<WebhookDelivery> received;
  w.sim->on_destination_delivery([&](const WebhookDelivery& d) { received.push_back(d); });
  auto hooks = w.destination({"v2.core.account[requirements].updated", "v2.core.account_link.returned"});
  const std::string secret = hooks.webhook_endpoint.value().signing_secret.value();
  auto persons_only = w.destination({"v2.core.account_person.created"}, "https://platform.example/persons");
  auto off = w.destination({"v2.core.account[requirements].updated"}, "https://platform.example/off");
  w.client.v2().core().event_destinations().disable(off.id);

  auto a = w.company();
  w.client.v2().core().persons().create(a.id, representative());

  std::multiset<std::string> to_hooks, to_persons;
  for (const auto& d : received) {
    CHECK(d.destination != off.id);  // a disabled destination receives nothing
    if (d.destination == hooks.id) {
      to_hooks.insert(d.type);
      CHECK(d.url == "https://platform.example/hooks");
      auto n = stripe::webhook::construct_event_notification(d.payload, d.signature_header, secret);
      CHECK(n.type == d.type);
      CHECK(n.related_object.value().id == a.id);
    } else if (d.destination == persons_only.id) {
      to_persons.insert(d.type);
    }
  }
  CHECK(to_hooks.count("v2.core.account[requirements].updated") == 1);
  CHECK(to_hooks.size() == 1);
  CHECK(to_persons == std::multiset<std::string>{"v2.core.account_person.created"});
  auto kept = w.sim->destination_deliveries();
  CHECK(kept.size() == received.size());
  for (const auto& d : kept) CHECK(d.status == 200);  // the receiver returned nothing: 200

  // A delivery signed for one destination does not verify with another's secret.
  const std::string other_secret = persons_only.webhook_endpoint.value().signing_secret.value();
  for (const auto& d : received)
    if (d.destination == hooks.id)
      CHECK_THROWS(stripe::webhook::construct_event_notification(d.payload, d.signature_header, other_secret));

  // Ping: a v2.core.event_destination.ping to that destination alone; none to a disabled one.
  const auto before = received.size();
  auto ping = w.client.v2().core().event_destinations().ping(hooks.id).value();
  CHECK(ping.type == "v2.core.event_destination.ping");
  CHECK(ping.related_object.value().id == hooks.id);
  REQUIRE(received.size() == before + 1);
  CHECK(received.back().destination == hooks.id);
  CHECK(received.back().type == "v2.core.event_destination.ping");
  w.client.v2().core().event_destinations().ping(off.id);
  CHECK(received.size() == before + 1);

  // The same events still reach the on_webhook receiver as before.
  std::vector<WebhookDelivery> webhooks;
  w.sim->on_webhook([&](const WebhookDelivery& d) { webhooks.push_back(d); });
  w.client.v2().core().persons().create(a.id, {});
  CHECK(std::count_if(webhooks.begin(), webhooks.end(),
                      [](const WebhookDelivery& d) { return d.type == "v2.core.account_person.created" && d.destination.empty(); }) == 1);
}

TEST_CASE("simulator v2: a snapshot destination receives v1 events") {
  World w;
  v2::EventDestinationCreateParams p;
  p.name = "snapshots";
  p.type = "webhook_endpoint";
  p.event_payload = "snapshot";
  p.enabled_events = {"account.updated"};
  p.webhook_endpoint.emplace().url = "https://platform.example/snapshots";
  auto d = w.client.v2().core().event_destinations().create(p).value();
  CHECK(d.snapshot_api_version.value() == stripe::pinned_api_version);

  stripe::v1::AccountCreateParams ap;
  ap.type = "custom";
  ap.country = "US";
  ap.capabilities.emplace().transfers.emplace().requested = true;
  auto a = w.client.v1().accounts().create(ap).value();
  stripe::v1::AccountUpdateParams up;
  up.email = "changed@example.com";
  w.client.v1().accounts().update(a.id, up);
  auto deliveries = w.sim->destination_deliveries();
  REQUIRE(deliveries.size() == 1);
  CHECK(deliveries[0].type == "account.updated");
  CHECK(deliveries[0].status == 0);  // no destination receiver set
  CHECK(nlohmann::json::parse(deliveries[0].payload).at("data").at("object").at("email") == "changed@example.com");
}

TEST_CASE("simulator v2: the new objects decode and use only schema fields") {
  World w;
  auto a = w.company();
  auto person = w.client.raw_request(stripe::http::Method::post, "/v2/core/accounts/" + a.id + "/persons",
                                     {{"given_name", "Ann"}, {"relationship", {{"director", true}}}});
  CHECK(test_support::unknown_fields(person.value(), "Stripe.V2.Core.AccountPerson") == "");
  auto ptok = w.client.raw_request(stripe::http::Method::post, "/v2/core/accounts/" + a.id + "/person_tokens", {{"given_name", "Bo"}});
  CHECK(test_support::unknown_fields(ptok.value(), "Stripe.V2.Core.AccountPersonToken") == "");
  auto atok = w.client.raw_request(stripe::http::Method::post, "/v2/core/account_tokens", {{"display_name", "Co"}});
  CHECK(test_support::unknown_fields(atok.value(), "Stripe.V2.Core.AccountToken") == "");
  auto ed = w.client.raw_request(stripe::http::Method::post, "/v2/core/event_destinations",
                                 {{"name", "n"}, {"type", "webhook_endpoint"}, {"event_payload", "thin"},
                                  {"enabled_events", {"v2.core.account_person.created"}},
                                  {"webhook_endpoint", {{"url", "https://p.example/h"}}}});
  CHECK(test_support::unknown_fields(ed.value(), "Stripe.V2.Core.EventDestination") == "");
  auto disabled = w.client.raw_request(stripe::http::Method::post,
                                       "/v2/core/event_destinations/" + ed->at("id").get<std::string>() + "/disable");
  CHECK(test_support::unknown_fields(disabled.value(), "Stripe.V2.Core.EventDestination") == "");
}
