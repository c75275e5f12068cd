// stripe-connect-sim over HTTP with this SDK's libcurl transport: a GB company onboarded through
// the API, an identity document uploaded as multipart/form-data through the server included.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stripe/connect.hpp"
#include "stripe/http/curl_transport.hpp"
#include "support/company_onboarding.hpp"
#include "support/sim_process.hpp"
#include "support/sim_server_lifecycle.hpp"

namespace {

std::string surface_sim_binary() {
  const char* env = std::getenv("STRIPE_CONNECT_SIM");
  return env && *env ? env : STRIPE_CONNECT_SIM_BINARY;
}

}  // namespace

TEST_CASE("stripe-connect-sim: a GB company onboards through the API: upload, persons, bank account, verification",
          "[sim_server]") {
  test_support::SimProcess sim(surface_sim_binary());
  auto client = test_support::client_for(sim);
  auto [clock_status, clock] = sim.control("GET", "clock");
  REQUIRE(clock_status == 200);

  auto done = test_support::onboard_gb_company(client, clock.at("now").get<std::int64_t>());
  // The upload crossed the server intact: its size and type are the bytes the SDK sent.
  auto file = client.v1().files().retrieve(done.document).value();
  CHECK(file.size == static_cast<std::int64_t>(test_support::tiny_png().size()));
  CHECK(file.type == std::string("png"));
  CHECK(file.filename == std::string("passport.png"));
  CHECK(file.purpose == "identity_document");

  auto before = client.v1().accounts().retrieve(done.account).value();
  CHECK(before.requirements->currently_due->empty());
  CHECK(before.requirements->pending_verification->size() == 3);  // tax id, bank account, the representative's document
  CHECK_FALSE(before.charges_enabled);

  auto [advance_status, advanced] = sim.control("POST", "clock/advance", {{"seconds", 60}});
  CHECK(advance_status == 200);
  auto after = client.v1().accounts().retrieve(done.account).value();
  CHECK(after.requirements->currently_due->empty());
  CHECK(after.requirements->eventually_due->empty());
  CHECK(after.requirements->past_due->empty());
  CHECK(after.requirements->pending_verification->empty());
  CHECK(after.charges_enabled);
  CHECK(after.payouts_enabled);
  CHECK(after.capabilities.at("card_payments") == "active");
  CHECK(after.capabilities.at("transfers") == "active");
  auto rep = client.v1().persons().retrieve(done.account, done.representative).value();
  CHECK(rep.verification->status == "verified");
  auto bank = client.v1().external_accounts().retrieve(done.account, done.bank_account).value();
  CHECK(bank.bank_account->last4 == "2345");
  CHECK(bank.bank_account->routing_number == std::string("108800"));

  // A malformed identity document is refused over HTTP too, with the reason.
  try {
    client.v1().files().create(test_support::identity_document("plain text, not an image", "image/png"));
    FAIL("a text file passed as an identity document");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.http_status() == 400);
    CHECK(e.message().find("PDF, JPEG or PNG") != std::string::npos);
  }
  CHECK(sim.stop() == 0);
}

TEST_CASE("stripe-connect-sim: the rest of the surface answers over HTTP: login link, account session, country spec, "
          "tokens, v2 persons and the events list",
          "[sim_server]") {
  namespace v1 = stripe::v1;
  namespace v2 = stripe::v2::core;
  test_support::SimProcess sim(surface_sim_binary());
  auto client = test_support::client_for(sim);

  // v1: an Express seller's dashboard link and an embedded-onboarding session.
  v1::AccountCreateParams express;
  express.type = "express";
  express.country = "US";
  auto seller = client.v1().accounts().create(express).value();
  auto login = client.v1().login_links().create(seller.id).value();
  CHECK(login.object == "login_link");
  const bool login_on_seller = login.url.find("/express/" + seller.id + "/") != std::string::npos;  // never printed
  CHECK(login_on_seller);
  v1::AccountSessionCreateParams session_params;
  session_params.account = seller.id;
  session_params.components.account_onboarding.emplace().enabled = true;
  auto session = client.v1().account_sessions().create(session_params).value();
  CHECK(session.account == seller.id);
  const bool secret_shape = session.client_secret.rfind("accs_secret__", 0) == 0;
  CHECK(secret_shape);
  CHECK(session.components.account_onboarding.enabled);

  // v1: what a GB company is asked for, and a single-use bank account token.
  auto gb = client.v1().country_specs().retrieve("GB").value();
  CHECK(gb.default_currency == "gbp");
  CHECK(gb.supported_bank_account_currencies.at("gbp") == std::vector<std::string>{"GB"});
  auto token = client.v1().tokens().create(test_support::gb_bank_account_token()).value();
  CHECK(token.id.rfind("btok_", 0) == 0);
  REQUIRE(token.bank_account);
  CHECK(token.bank_account->last4 == "2345");
  CHECK(client.v1().accounts().retrieve_current()->id == "acct_1SimPlatform00000");

  // v2: a company recipient, its representative from a person token, and the events that made it.
  auto account = client.v2().core().accounts().create(test_support::us_company_recipient()).value();
  v2::PersonTokenCreateParams tp;
  tp.given_name = "Jenny";
  tp.surname = "Rosen";
  auto person_token = client.v2().core().person_tokens().create(account.id, tp).value();
  CHECK(person_token.id.rfind("perstok_", 0) == 0);
  v2::PersonCreateParams pp;
  pp.person_token = person_token.id;
  pp.relationship.emplace().representative = true;
  auto person = client.v2().core().persons().create(account.id, pp).value();
  CHECK(person.given_name == std::string("Jenny"));
  CHECK(client.v2().core().person_tokens().retrieve(account.id, person_token.id)->used == true);
  auto persons = client.v2().core().persons().list(account.id).value();
  REQUIRE(persons.data.size() == 1);
  CHECK(persons.data[0].id == person.id);

  v2::EventListParams by_person;
  by_person.object_id = person.id;
  auto events = client.v2().core().events().list(by_person).value();
  REQUIRE(events.data.size() == 1);
  CHECK(events.data[0].type == "v2.core.account_person.created");
  CHECK(events.data[0].data_as<v2::V2CoreAccountPersonCreatedEventData>().account_id == account.id);
  auto fetched = client.v2().core().events().retrieve(events.data[0].id).value();
  CHECK(fetched.type == events.data[0].type);
}

TEST_CASE("stripe-connect-sim: v2 account tokens, file links, persons and event destinations over HTTP, every verb",
          "[sim_server]") {
  namespace v1 = stripe::v1;
  namespace v2 = stripe::v2::core;
  test_support::SimProcess sim(surface_sim_binary());
  auto client = test_support::client_for(sim);

  // v2 account token: created, carried into an account once, then used.
  v2::AccountTokenCreateParams tp;
  tp.display_name = "Tokened Shop";
  auto& identity = tp.identity.emplace();
  identity.entity_type = "individual";
  identity.individual.emplace().given_name = "Tina";
  auto token = client.v2().core().account_tokens().create(tp).value();
  CHECK(token.id.rfind("accttok_", 0) == 0);
  CHECK_FALSE(client.v2().core().account_tokens().retrieve(token.id)->used);
  v2::AccountCreateParams ap;
  ap.account_token = token.id;
  ap.identity.emplace().country = "US";
  ap.include = std::vector<v2::AccountCreateParams::Include>{"identity"};
  auto account = client.v2().core().accounts().create(ap).value();
  CHECK(account.display_name == std::string("Tokened Shop"));
  CHECK(account.identity.value().individual.value().given_name == std::string("Tina"));
  CHECK(client.v2().core().account_tokens().retrieve(token.id)->used);

  // v2 persons: update, list_all across pages, delete.
  v2::PersonCreateParams first;
  first.given_name = "Ada";
  first.relationship.emplace().owner = true;
  auto ada = client.v2().core().persons().create(account.id, first).value();
  v2::PersonCreateParams second;
  second.given_name = "Grace";
  auto grace = client.v2().core().persons().create(account.id, second).value();
  v2::PersonUpdateParams rename;
  rename.surname = "Lovelace";
  CHECK(client.v2().core().persons().update(account.id, ada.id, rename)->surname == std::string("Lovelace"));
  auto ada_again = client.v2().core().persons().retrieve(account.id, ada.id).value();
  CHECK(ada_again.surname == std::string("Lovelace"));
  CHECK(ada_again.relationship.value().owner == true);
  v2::PersonListParams one_per_page;
  one_per_page.limit = 1;
  std::vector<std::string> walked;
  for (const auto& p : client.v2().core().persons().list_all(account.id, one_per_page)) walked.push_back(p.id);
  CHECK(walked.size() == 2);
  CHECK(std::count(walked.begin(), walked.end(), ada.id) == 1);
  CHECK(std::count(walked.begin(), walked.end(), grace.id) == 1);
  CHECK(client.v2().core().persons().del(account.id, grace.id)->id == grace.id);
  CHECK(client.v2().core().persons().list(account.id)->data.size() == 1);

  // v1 file link: a logo uploaded as multipart, linked, updated, listed.
  auto file = client.v1().files().create(test_support::business_logo()).value();
  v1::FileLinkCreateParams lp;
  lp.file = file.id;
  auto link = client.v1().file_links().create(lp).value();
  CHECK(link.id.rfind("link_", 0) == 0);
  CHECK(link.file.id == file.id);
  v1::FileLinkUpdateParams metadata;
  metadata.metadata = std::map<std::string, std::optional<std::string>>{{"purpose", "storefront"}};
  CHECK(client.v1().file_links().update(link.id, metadata)->metadata.at("purpose") == "storefront");
  CHECK(client.v1().file_links().retrieve(link.id)->file.id == file.id);
  std::vector<std::string> links;
  for (const auto& l : client.v1().file_links().list_all()) links.push_back(l.id);
  CHECK(links == std::vector<std::string>{link.id});

  // v2 event destinations: every verb.
  auto destinations = client.v2().core().event_destinations();
  v2::EventDestinationCreateParams dp;
  dp.name = "hooks";
  dp.type = "webhook_endpoint";
  dp.event_payload = "thin";
  dp.enabled_events = {"v2.core.account[requirements].updated"};
  dp.webhook_endpoint.emplace().url = "https://platform.example/hooks";
  auto d = destinations.create(dp).value();
  v2::EventDestinationUpdateParams up;
  up.name = "renamed";
  CHECK(destinations.update(d.id, up)->name == "renamed");
  auto retrieved = destinations.retrieve(d.id).value();
  CHECK(retrieved.name == "renamed");
  CHECK(retrieved.enabled_events == std::vector<std::string>{"v2.core.account[requirements].updated"});
  CHECK(destinations.disable(d.id)->status == "disabled");
  CHECK(destinations.enable(d.id)->status == "enabled");
  CHECK(destinations.ping(d.id)->type == "v2.core.event_destination.ping");
  std::vector<std::string> listed;
  for (const auto& e : destinations.list_all()) listed.push_back(e.id);
  CHECK(listed == std::vector<std::string>{d.id});
  CHECK(destinations.del(d.id)->id == d.id);
  CHECK(destinations.list()->data.empty());
}

TEST_CASE("stripe-connect-sim: v1 persons, external accounts, files, tokens, country specs and unreject over HTTP, "
          "every verb",
          "[sim_server]") {
  namespace v1 = stripe::v1;
  test_support::SimProcess sim(surface_sim_binary());
  auto client = test_support::client_for(sim);
  auto [clock_status, clock] = sim.control("GET", "clock");
  REQUIRE(clock_status == 200);
  auto account = client.v1().accounts().create(test_support::gb_company_account(clock.at("now").get<std::int64_t>())).value();

  // An account token carries a company's details into a new account, once.
  v1::TokenCreateParams at;
  auto& company_details = at.account.emplace();
  company_details.business_type = "company";
  company_details.company.emplace().name = "Token Ltd";
  company_details.tos_shown_and_accepted = true;
  auto account_token = client.v1().tokens().create(at).value();
  CHECK(account_token.id.rfind("ct_", 0) == 0);
  CHECK(account_token.type == "account");
  v1::AccountCreateParams from_account_token;
  from_account_token.type = "custom";
  from_account_token.country = "GB";
  from_account_token.capabilities.emplace().transfers.emplace().requested = true;
  from_account_token.account_token = account_token.id;
  auto tokened = client.v1().accounts().create(from_account_token).value();
  CHECK(tokened.company.value().name == std::string("Token Ltd"));
  CHECK(client.v1().tokens().retrieve(account_token.id)->used);

  // Persons: from a person token, then update, retrieve, list_all by relationship, delete.
  v1::TokenCreateParams pt;
  auto& from_token = pt.person.emplace();
  from_token.first_name = "Tok";
  from_token.last_name = "En";
  from_token.relationship.emplace().director = true;
  auto person_token = client.v1().tokens().create(pt).value();
  CHECK(person_token.id.rfind("cpt_", 0) == 0);
  v1::PersonCreateParams by_token;
  by_token.person_token = person_token.id;
  auto director = client.v1().persons().create(account.id, by_token).value();
  CHECK(director.first_name == std::string("Tok"));
  CHECK(client.v1().tokens().retrieve(person_token.id)->used);
  v1::PersonCreateParams owner;
  owner.first_name = "Kai";
  owner.relationship.emplace().owner = true;
  auto kai = client.v1().persons().create(account.id, owner).value();
  v1::PersonUpdateParams rename;
  rename.last_name = "Owner";
  CHECK(client.v1().persons().update(account.id, kai.id, rename)->last_name == std::string("Owner"));
  CHECK(client.v1().persons().retrieve(account.id, kai.id)->last_name == std::string("Owner"));
  v1::PersonListParams owners;
  owners.relationship.emplace().owner = true;
  owners.limit = 1;
  std::vector<std::string> listed;
  for (const auto& p : client.v1().persons().list_all(account.id, owners)) listed.push_back(p.id);
  CHECK(listed == std::vector<std::string>{kai.id});
  CHECK(client.v1().persons().del(account.id, director.id)->deleted);
  CHECK(client.v1().persons().list(account.id)->data.size() == 1);

  // External accounts: the first from a bank account token (the currency's default), two from
  // bank details, the last made the default, the one before it deleted.
  auto bank_token = client.v1().tokens().create(test_support::gb_bank_account_token("00033445")).value();
  v1::ExternalAccountCreateParams by_bank_token;
  by_bank_token.external_account = bank_token.id;
  auto tokened_bank = client.v1().external_accounts().create(account.id, by_bank_token).value();
  CHECK(tokened_bank.bank_account.value().last4 == "3445");
  CHECK(tokened_bank.bank_account.value().default_for_currency == true);
  CHECK(client.v1().tokens().retrieve(bank_token.id)->used);
  auto first = client.v1().external_accounts().create(account.id, test_support::gb_bank_account()).value();
  auto second = client.v1().external_accounts().create(account.id, test_support::gb_bank_account("55779911")).value();
  CHECK(second.bank_account.value().last4 == "9911");
  v1::ExternalAccountUpdateParams make_default;
  make_default.default_for_currency = true;
  CHECK(client.v1().external_accounts().update(account.id, second.id, make_default)->bank_account->default_for_currency ==
        true);
  CHECK(client.v1().external_accounts().retrieve(account.id, first.id)->bank_account->default_for_currency == false);
  CHECK(client.v1().external_accounts().del(account.id, first.id)->deleted);
  std::vector<std::string> banks;
  for (const auto& e : client.v1().external_accounts().list_all(account.id)) banks.push_back(e.id);
  CHECK(banks.size() == 2);
  CHECK(std::count(banks.begin(), banks.end(), tokened_bank.id) == 1);
  CHECK(std::count(banks.begin(), banks.end(), second.id) == 1);

  // Files: retrieve and list by purpose; country specs listed; the platform unrejects.
  auto document = client.v1().files().create(test_support::identity_document()).value();
  auto logo = client.v1().files().create(test_support::business_logo()).value();
  CHECK(client.v1().files().retrieve(document.id)->purpose == "identity_document");
  v1::FileListParams logos;
  logos.purpose = "business_logo";
  auto listed_files = client.v1().files().list(logos).value();
  REQUIRE(listed_files.data.size() == 1);
  CHECK(listed_files.data[0].id == logo.id);
  std::vector<std::string> countries;
  for (const auto& spec : client.v1().country_specs().list_all()) countries.push_back(spec.id);
  CHECK(std::count(countries.begin(), countries.end(), "GB") == 1);
  CHECK(std::count(countries.begin(), countries.end(), "US") == 1);
  v1::AccountRejectParams reject;
  reject.reason = "fraud_other";
  CHECK(client.v1().accounts().reject(account.id, reject)->requirements->disabled_reason ==
        std::string("rejected.platform_fraud"));
  CHECK(client.v1().accounts().unreject(account.id)->requirements->disabled_reason !=
        std::string("rejected.platform_fraud"));
}
