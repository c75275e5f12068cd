// The typed models of the newer onboarding resources, decoded from fixtures shaped as the API
// returns them for 2026-10-28 (tests/data/fixtures/; ids and values are made up).
#include <catch2/catch.hpp>

#include <type_traits>

#include "stripe/connect.hpp"
#include "support/fixtures.hpp"

namespace v1 = stripe::v1;
namespace v2 = stripe::v2::core;

TEST_CASE("fixture: a v1 company representative with relationship, verification and requirements") {
  auto p = stripe::decode<v1::Person>(test_support::fixture("v1_person_representative.json"));
  CHECK(p.id == "person_1FixRepJenny00000001");
  CHECK(p.object == v1::Person::Object::person);
  CHECK(p.account == "acct_1FixCompany0000001");
  CHECK(p.created == 1764547200);
  CHECK(p.first_name == std::string("Jenny"));
  CHECK(p.last_name == std::string("Rosen"));
  CHECK(p.email == std::string("jenny.rosen@example.com"));
  CHECK(p.phone == std::string("+15555550100"));
  CHECK_FALSE(p.nationality.has_value());  // null
  CHECK(p.full_name_aliases.empty());
  CHECK(p.id_number_provided == true);
  CHECK(p.ssn_last_4_provided == false);
  CHECK(p.political_exposure == v1::Person::PoliticalExposure::none);
  CHECK(p.political_exposure->is_known());
  CHECK(p.metadata.at("internal_person_id") == "p_42");

  REQUIRE(p.address);
  CHECK(p.address->city == std::string("San Francisco"));
  CHECK(p.address->postal_code == std::string("94103"));
  CHECK(p.address->line1 == std::string("510 Example St"));
  CHECK(p.address->state == std::string("CA"));
  CHECK(p.address->country == std::string("US"));
  CHECK_FALSE(p.address->line2.has_value());
  REQUIRE(p.dob);
  CHECK(p.dob->day == 1);
  CHECK(p.dob->month == 1);
  CHECK(p.dob->year == 1901);
  REQUIRE(p.additional_tos_acceptances);
  REQUIRE(p.additional_tos_acceptances->account);
  CHECK_FALSE(p.additional_tos_acceptances->account->date.has_value());

  REQUIRE(p.relationship);
  const auto& rel = *p.relationship;
  CHECK(rel.representative == true);
  CHECK(rel.executive == true);
  CHECK(rel.owner == true);
  CHECK(rel.director == false);
  CHECK(rel.authorizer == false);
  CHECK(rel.legal_guardian == false);
  REQUIRE(rel.percent_ownership);
  CHECK(*rel.percent_ownership == Approx(37.5));
  CHECK(rel.title == std::string("CEO"));

  REQUIRE(p.verification);
  const auto& ver = *p.verification;
  CHECK(ver.status == "unverified");
  CHECK_FALSE(ver.details_code.has_value());
  REQUIRE(ver.document);
  REQUIRE(ver.document->front);
  CHECK(ver.document->front->id == "file_1FixIdFront00000001");
  CHECK_FALSE(ver.document->front->is_expanded());
  REQUIRE(ver.document->back);
  CHECK(ver.document->back->id == "file_1FixIdBack000000001");
  CHECK(ver.document->details_code == std::string("document_name_mismatch"));
  CHECK(ver.document->details == std::string("The name on the document does not match the name on the account."));
  REQUIRE(ver.additional_document);
  CHECK_FALSE(ver.additional_document->front.has_value());  // null, not an empty id
  CHECK_FALSE(ver.additional_document->back.has_value());

  REQUIRE(p.requirements);
  const auto& req = *p.requirements;
  CHECK(req.currently_due == std::vector<std::string>{"verification.document", "ssn_last_4"});
  CHECK(req.eventually_due == std::vector<std::string>{"verification.document", "ssn_last_4", "id_number"});
  CHECK(req.past_due.empty());
  CHECK(req.pending_verification == std::vector<std::string>{"id_number"});
  REQUIRE(req.alternatives);
  REQUIRE(req.alternatives->size() == 1);
  CHECK(req.alternatives->at(0).original_fields_due.at(0) == "verification.document");
  CHECK(req.alternatives->at(0).alternative_fields_due.at(0) == "verification.additional_document");
  REQUIRE(req.errors.size() == 2);
  CHECK(req.errors[0].code == v1::RequirementErrorCode::verification_document_name_mismatch);
  CHECK(req.errors[0].code.is_known());
  CHECK(req.errors[0].requirement == "verification.document");
  CHECK(req.errors[0].reason == "The name on the document does not match the name on the account.");
  CHECK(req.errors[1].reason == "A check this SDK does not know yet failed.");
  CHECK(req.errors[1].requirement == "verification.document");
  CHECK_FALSE(req.errors[1].code.is_known());  // a code newer than the SDK is kept, not an error
  CHECK(req.errors[1].code.value() == "verification_document_hologram_missing_future");
  REQUIRE(p.future_requirements);
  CHECK(p.future_requirements->currently_due.empty());
  CHECK(p.future_requirements->errors.empty());

  CHECK(p.raw->at("fixture_field_not_in_sdk").at("kept") == true);
  CHECK(p.raw->at("relationship").at("title") == "CEO");
}

// The nested objects of an account that were plain JSON (issue 13) are typed: addresses are the
// shared address type, an individual is a Person, a date of birth one struct per API version.
static_assert(std::is_same_v<v1::Account::Company::Address, stripe::Address>);
static_assert(std::is_same_v<v1::Account::Individual, v1::Person>);
static_assert(std::is_same_v<v1::Account::Individual::Dob, v1::Person::Dob>);
static_assert(std::is_same_v<v1::Account::Company::RegistrationDate, v1::Person::Dob>);
static_assert(std::is_same_v<decltype(v1::Account::ExternalAccounts::data), std::vector<v1::ExternalAccount>>);
static_assert(std::is_same_v<v2::Account::Identity::BusinessDetails::Address, stripe::AddressWithTown>);
static_assert(std::is_same_v<v2::Account::Identity::Individual::Address, v2::AccountPerson::Address>);
static_assert(std::is_same_v<v2::Account::Identity::Individual::DateOfBirth, v2::AccountPerson::DateOfBirth>);

TEST_CASE("fixture: a v1 company account with its address, verification document, settings and external accounts") {
  auto a = stripe::decode<v1::Account>(test_support::fixture("v1_account_company_details.json"));
  CHECK(a.id == "acct_1FixCompanyDetails01");
  REQUIRE(a.company);
  const auto& co = *a.company;
  REQUIRE(co.address);
  CHECK(stripe::encode(*co.address) == nlohmann::json{{"line1", "1 Example Street"}, {"line2", "Floor 2"},
                                                      {"city", "London"}, {"postal_code", "EC1A 1BB"},
                                                      {"country", "GB"}});  // state: null
  REQUIRE(co.registration_date);
  CHECK(stripe::encode(*co.registration_date) == nlohmann::json{{"day", 14}, {"month", 3}, {"year", 2019}});
  REQUIRE(co.ownership_declaration);
  CHECK(co.ownership_declaration->date == 1764547300);
  CHECK(co.ownership_declaration->ip == std::string("203.0.113.7"));
  CHECK_FALSE(co.directorship_declaration);  // absent
  REQUIRE(co.verification);
  const auto& doc = co.verification->document;
  REQUIRE(doc.front);
  CHECK(doc.front->id == "file_1FixCompanyDocFront01");
  CHECK_FALSE(doc.front->is_expanded());
  CHECK_FALSE(doc.back.has_value());
  CHECK(doc.details == std::string("The document has expired."));
  CHECK(doc.details_code == std::string("document_expired"));

  REQUIRE(a.settings);
  const auto& st = *a.settings;
  REQUIRE(st.payouts);
  CHECK(st.payouts->debit_negative_balances == false);
  CHECK(st.payouts->statement_descriptor == std::string("FUREVER PAYOUT"));
  CHECK(st.payouts->schedule.delay_days == 7);
  CHECK(st.payouts->schedule.interval == "weekly");
  CHECK(st.payouts->schedule.weekly_anchor == std::string("friday"));
  REQUIRE(st.payouts->schedule.weekly_payout_days.size() == 1);
  CHECK(st.payouts->schedule.weekly_payout_days[0] == v1::Account::Settings::Payouts::Schedule::WeeklyPayoutDays::friday);
  CHECK(st.payouts->schedule.monthly_payout_days.empty());
  REQUIRE(st.branding.icon);
  CHECK(st.branding.icon->id == "file_1FixBrandingIcon001");
  CHECK_FALSE(st.branding.logo.has_value());
  CHECK(st.branding.primary_color == std::string("#0a2540"));
  REQUIRE(st.card_payments.decline_on);
  CHECK(st.card_payments.decline_on->cvc_failure == true);
  CHECK(st.card_payments.decline_on->avs_failure == false);
  CHECK(st.card_payments.statement_descriptor_prefix == std::string("FUREVER"));
  CHECK(st.dashboard.display_name == std::string("FurEver"));
  CHECK(st.dashboard.timezone == std::string("Europe/London"));
  CHECK(st.payments.statement_descriptor == std::string("FUREVER LTD"));
  REQUIRE(st.invoices);
  CHECK(st.invoices->hosted_payment_method_save == v1::Account::Settings::Invoices::HostedPaymentMethodSave::offer);
  CHECK(st.sepa_debit_payments.has_value());
  CHECK_FALSE(st.treasury.has_value());

  REQUIRE(a.external_accounts);
  const auto& ext = a.external_accounts->data;
  REQUIRE(ext.size() == 2);
  REQUIRE(ext[0].is_bank_account());
  CHECK_FALSE(ext[0].is_card());
  CHECK(ext[0].id == "ba_1FixCompanyBank0000001");
  const auto& bank = *ext[0].bank_account;
  CHECK(bank.last4 == "2345");
  CHECK(bank.country == "GB");
  CHECK(bank.currency == "gbp");
  CHECK(bank.bank_name == std::string("STRIPE TEST BANK"));
  CHECK(bank.routing_number == std::string("10-88-00"));
  CHECK(bank.default_for_currency == true);
  REQUIRE(bank.account);
  CHECK(bank.account->id == a.id);
  REQUIRE(bank.available_payout_methods);
  CHECK(bank.available_payout_methods->size() == 2);
  REQUIRE(ext[1].is_card());
  CHECK(ext[1].card->brand == "Visa");
  CHECK(ext[1].card->last4 == "4242");
  CHECK(ext[1].card->exp_year == 2030);

  // Encoding keeps the typed values (an account written back, as the simulator does).
  auto j = stripe::encode(a);
  CHECK(j.at("company").at("address").at("postal_code") == "EC1A 1BB");
  CHECK(j.at("company").at("verification").at("document").at("front") == "file_1FixCompanyDocFront01");
  CHECK(j.at("settings").at("payouts").at("schedule").at("weekly_anchor") == "friday");
  CHECK(j.at("external_accounts").at("data").at(0).at("last4") == "2345");
  CHECK(j.at("external_accounts").at("data").at(1).at("object") == "card");
}

TEST_CASE("fixture: a v1 individual account: its individual is a Person with a typed date of birth") {
  auto a = stripe::decode<v1::Account>(test_support::fixture("v1_account_individual.json"));
  CHECK(a.business_type == v1::Account::BusinessType::individual);
  REQUIRE(a.individual);
  const v1::Person& ind = *a.individual;
  CHECK(ind.id == "person_1FixIndividual00001");
  CHECK(ind.first_name == std::string("Jenny"));
  REQUIRE(ind.dob);
  CHECK(stripe::encode(*ind.dob) == nlohmann::json{{"day", 14}, {"month", 7}, {"year", 1985}});
  REQUIRE(ind.address);
  CHECK(ind.address->line1 == std::string("510 Example St"));
  CHECK((ind.address->state == std::string("CA") && !ind.address->line2));
  REQUIRE(ind.relationship);
  CHECK(ind.relationship->representative == true);
  CHECK(ind.relationship->owner == false);
  CHECK_FALSE(ind.relationship->percent_ownership.has_value());
  REQUIRE(ind.requirements);
  CHECK(ind.requirements->currently_due == std::vector<std::string>{"individual.verification.document"});
  REQUIRE(ind.requirements->errors.size() == 1);
  CHECK(ind.requirements->errors[0].code == v1::RequirementErrorCode::verification_document_expired);
  REQUIRE(ind.verification);
  CHECK(ind.verification->status == "unverified");
  REQUIRE(ind.verification->document);
  REQUIRE(ind.verification->document->front);
  CHECK(ind.verification->document->front->id == "file_1FixIndividualIdFront1");
  CHECK(ind.verification->document->details_code == std::string("document_expired"));
  REQUIRE(ind.verification->additional_document);
  CHECK_FALSE(ind.verification->additional_document->front.has_value());

  REQUIRE(a.settings);
  REQUIRE(a.settings->payouts);
  const auto& schedule = a.settings->payouts->schedule;
  CHECK(schedule.interval == "monthly");
  CHECK(schedule.delay_days == 2);
  CHECK(schedule.monthly_anchor == 15);
  CHECK(schedule.monthly_payout_days == std::vector<std::int64_t>{15, 31});
  CHECK_FALSE(schedule.weekly_anchor.has_value());

  REQUIRE(a.external_accounts);
  REQUIRE(a.external_accounts->data.size() == 1);
  REQUIRE(a.external_accounts->data[0].is_bank_account());
  CHECK(a.external_accounts->data[0].bank_account->routing_number == std::string("110000000"));
  CHECK(a.external_accounts->data[0].bank_account->status == "verified");
}

TEST_CASE("fixture: a v2 individual account: date of birth, addresses and relationship typed") {
  auto a = stripe::decode<v2::Account>(test_support::fixture("v2_account_individual.json"));
  REQUIRE(a.identity);
  const auto& id = *a.identity;
  CHECK(id.entity_type == v2::Account::Identity::EntityType::individual);
  REQUIRE(id.business_details);
  REQUIRE(id.business_details->address);
  const auto& ba = *id.business_details->address;
  CHECK(ba.line1 == std::string("1 Studio Way"));
  CHECK(ba.line2 == std::string("Unit 5"));
  CHECK(ba.city == std::string("Oakland"));
  CHECK(ba.postal_code == std::string("94607"));
  CHECK(ba.country == std::string("US"));
  CHECK_FALSE(ba.town.has_value());
  CHECK(id.business_details->registered_name == std::string("Jenny Rosen Design"));

  REQUIRE(id.individual);
  const auto& ind = *id.individual;
  CHECK(ind.id == "person_test_61FixV2Indiv0001");
  CHECK(ind.given_name == std::string("Jenny"));
  REQUIRE(ind.date_of_birth);
  CHECK(stripe::encode(*ind.date_of_birth) == nlohmann::json{{"day", 28}, {"month", 2}, {"year", 1990}});
  REQUIRE(ind.address);
  CHECK(stripe::encode(*ind.address) == nlohmann::json{{"city", "San Francisco"}, {"country", "US"},
                                                       {"line1", "510 Example St"}, {"postal_code", "94103"},
                                                       {"state", "CA"}});  // line2 and town absent
  REQUIRE(ind.relationship);
  CHECK(ind.relationship->owner == true);
  CHECK(ind.relationship->representative == true);
  CHECK(ind.relationship->percent_ownership == std::string("100"));
  CHECK(ind.relationship->title == std::string("Owner"));
  REQUIRE(ind.id_numbers.size() == 1);
  CHECK(ind.id_numbers[0].type == "us_ssn_last_4");
  CHECK(ind.nationalities == std::vector<std::string>{"US"});
}

TEST_CASE("fixture: a v1 external accounts list holds one bank account and one card") {
  auto list = stripe::decode<stripe::List<v1::ExternalAccount>>(test_support::fixture("v1_external_accounts_list.json"));
  CHECK_FALSE(list.has_more);
  CHECK(list.url == "/v1/accounts/acct_1FixCompany0000001/external_accounts");
  CHECK(list.raw->at("object") == "list");
  REQUIRE(list.data.size() == 2);

  const auto& bank = list.data[0];
  CHECK(bank.id == "ba_1FixBank000000000001");
  CHECK(bank.object == "bank_account");
  CHECK(bank.is_bank_account());
  CHECK_FALSE(bank.is_card());
  CHECK_FALSE(bank.card.has_value());
  REQUIRE(bank.bank_account);
  const v1::BankAccount& ba = *bank.bank_account;
  CHECK(ba.id == bank.id);
  CHECK(ba.object == v1::BankAccount::Object::bank_account);
  CHECK(ba.account_holder_name == std::string("Rocket Rides Inc."));
  CHECK(ba.account_holder_type == std::string("company"));
  CHECK_FALSE(ba.account_type.has_value());
  CHECK(ba.bank_name == std::string("STRIPE TEST BANK"));
  CHECK(ba.country == "US");
  CHECK(ba.currency == "usd");
  CHECK(ba.last4 == "6789");
  CHECK(ba.routing_number == std::string("110000000"));
  CHECK(ba.status == "new");
  CHECK(ba.default_for_currency == true);
  REQUIRE(ba.account);
  CHECK(ba.account->id == "acct_1FixCompany0000001");
  CHECK_FALSE(ba.account->is_expanded());
  REQUIRE(ba.available_payout_methods);
  CHECK(*ba.available_payout_methods == std::vector<v1::BankAccount::AvailablePayoutMethods>{"standard", "instant"});
  CHECK(bank.raw->at("fingerprint") == "FixtureFingerprint01");  // the union keeps the whole item
  CHECK(ba.raw->at("fingerprint") == "FixtureFingerprint01");    // and so does the alternative

  const auto& card = list.data[1];
  CHECK(card.id == "card_1FixDebit00000000001");
  CHECK(card.object == "card");
  CHECK(card.is_card());
  CHECK_FALSE(card.is_bank_account());
  CHECK_FALSE(card.bank_account.has_value());
  REQUIRE(card.card);
  const v1::Card& c = *card.card;
  CHECK(c.id == card.id);
  CHECK(c.object == v1::Card::Object::card);
  CHECK(c.brand == "Visa");
  CHECK(c.funding == "debit");
  CHECK(c.last4 == "5556");
  CHECK(c.exp_month == 8);
  CHECK(c.exp_year == 2030);
  CHECK(c.country == std::string("US"));
  CHECK(c.status == std::string("new"));
  CHECK(c.fingerprint == std::string("FixtureFingerprint02"));
  REQUIRE(c.available_payout_methods);
  CHECK(*c.available_payout_methods == std::vector<v1::Card::AvailablePayoutMethods>{"standard", "instant"});
  CHECK(c.currency == std::string("usd"));
  CHECK(c.cvc_check == std::string("pass"));
  CHECK(c.default_for_currency == false);
  CHECK_FALSE(c.address_line1.has_value());
  CHECK(c.regulated_status == v1::Card::RegulatedStatus::unregulated);
  REQUIRE(c.networks);
  CHECK(c.name == std::string("Jenny Rosen"));
  REQUIRE(c.account);
  CHECK(c.account->id == "acct_1FixCompany0000001");
  CHECK(card.raw->at("exp_year") == 2030);
  CHECK(c.raw->at("exp_year") == 2030);
}

TEST_CASE("fixture: an external account of a kind the SDK does not know keeps its id, object and raw") {
  auto list = stripe::decode<stripe::List<v1::ExternalAccount>>(nlohmann::json::parse(R"({
    "object": "list", "has_more": false, "url": "/v1/accounts/acct_1/external_accounts",
    "data": [{"id": "wallet_1Fix", "object": "fixture_wallet", "currency": "usd"}]})"));
  REQUIRE(list.data.size() == 1);
  const auto& w = list.data[0];
  CHECK(w.id == "wallet_1Fix");
  CHECK(w.object == "fixture_wallet");
  CHECK_FALSE(w.is_bank_account());
  CHECK_FALSE(w.is_card());
  CHECK(w.raw->at("currency") == "usd");
}

TEST_CASE("fixture: a v1 bank account with failed verification requirements") {
  auto ba = stripe::decode<v1::BankAccount>(test_support::fixture("v1_bank_account.json"));
  CHECK(ba.id == "ba_1FixBank000000000002");
  CHECK(ba.object.is_known());
  CHECK(ba.account_holder_type == std::string("individual"));
  CHECK(ba.account_type == std::string("checking"));
  CHECK(ba.account_holder_name == std::string("Jenny Rosen"));
  CHECK(ba.bank_name == std::string("STRIPE TEST BANK"));
  CHECK(ba.routing_number == std::string("110000000"));
  CHECK(ba.fingerprint == std::string("FixtureFingerprint03"));
  CHECK(ba.country == "US");
  CHECK(ba.currency == "usd");
  CHECK(ba.default_for_currency == false);
  REQUIRE(ba.account);
  CHECK(ba.account->id == "acct_1FixCompany0000001");
  CHECK(ba.last4 == "0002");
  CHECK(ba.status == "verification_failed");
  CHECK(ba.customer.is_null());
  CHECK(ba.metadata->at("nickname") == "payroll");
  REQUIRE(ba.available_payout_methods);
  REQUIRE(ba.available_payout_methods->size() == 2);
  CHECK(ba.available_payout_methods->at(0) == v1::BankAccount::AvailablePayoutMethods::standard);
  CHECK(ba.available_payout_methods->at(0).is_known());
  CHECK_FALSE(ba.available_payout_methods->at(1).is_known());
  CHECK(ba.available_payout_methods->at(1).value() == "same_day_future");
  REQUIRE(ba.requirements);
  REQUIRE(ba.requirements->currently_due);
  CHECK(ba.requirements->currently_due->at(0) == "bank_account_ownership_verification");
  REQUIRE(ba.requirements->past_due);
  CHECK(*ba.requirements->past_due == std::vector<std::string>{"bank_account_ownership_verification"});
  CHECK(ba.requirements->errors->at(0).reason == "The bank account could not be verified.");
  REQUIRE(ba.requirements->errors);
  REQUIRE(ba.requirements->errors->size() == 1);
  CHECK(ba.requirements->errors->at(0).code == v1::RequirementErrorCode::verification_failed_other);
  CHECK(ba.requirements->errors->at(0).requirement == "bank_account_ownership_verification");
  REQUIRE(ba.future_requirements);
  CHECK(ba.future_requirements->currently_due->empty());
  CHECK(ba.raw->at("fixture_field_not_in_sdk") == "kept");
}

TEST_CASE("fixture: a v1 identity document file with its links, and a file link on its own") {
  auto f = stripe::decode<v1::File>(test_support::fixture("v1_file.json"));
  CHECK(f.id == "file_1FixIdFront00000001");
  CHECK(f.object == v1::File::Object::file);
  CHECK(f.created == 1764547300);
  CHECK_FALSE(f.expires_at.has_value());
  CHECK(f.filename == std::string("passport-front.jpg"));
  CHECK(f.purpose == v1::Purpose::identity_document);
  CHECK(f.purpose.is_known());
  CHECK(f.size == 48213);
  CHECK(f.type == std::string("jpg"));
  CHECK_FALSE(f.title.has_value());
  CHECK_FALSE(f.url.has_value());
  REQUIRE(f.links);
  CHECK(f.links->object == v1::File::Links::Object::list);
  CHECK_FALSE(f.links->has_more);
  CHECK(f.links->url == "/v1/file_links?file=file_1FixIdFront00000001");
  REQUIRE(f.links->data.size() == 1);
  const v1::FileLink& inner = f.links->data[0];
  CHECK(inner.id == "link_1FixLink0000000001");
  CHECK(inner.object == v1::FileLink::Object::file_link);
  CHECK(inner.created == 1764547400);
  CHECK_FALSE(inner.expired);
  CHECK_FALSE(inner.livemode);
  CHECK(inner.expires_at == 1767225600);
  CHECK(inner.file.id == f.id);
  CHECK(inner.raw->at("url") == "https://files.stripe.com/links/FIXTURE_NOT_A_REAL_LINK_1");

  auto link = stripe::decode<v1::FileLink>(test_support::fixture("v1_file_link.json"));
  CHECK(link.id == "link_1FixLink0000000002");
  CHECK(link.object == v1::FileLink::Object::file_link);
  CHECK(link.expired);
  CHECK(link.created == 1764547500);
  CHECK(link.expires_at == 1764547800);
  CHECK(link.file.id == "file_1FixDispute0000001");
  CHECK_FALSE(link.file.is_expanded());
  CHECK_FALSE(link.livemode);
  CHECK(link.metadata.at("case") == "c_7");
  CHECK(link.url == std::string("https://files.stripe.com/links/FIXTURE_NOT_A_REAL_LINK_2"));
}

TEST_CASE("fixture: a v1 file link with its file expanded") {
  auto j = test_support::fixture("v1_file_link.json");
  j["file"] = test_support::fixture("v1_file.json");
  auto link = stripe::decode<v1::FileLink>(j);
  CHECK(link.file.id == "file_1FixIdFront00000001");
  REQUIRE(link.file.is_expanded());
  CHECK(link.file.object->purpose == v1::Purpose::identity_document);
  CHECK(link.file.object->raw->at("size") == 48213);
}

TEST_CASE("fixture: a v1 login link") {
  auto l = stripe::decode<v1::LoginLink>(test_support::fixture("v1_login_link.json"));
  CHECK(l.object == v1::LoginLink::Object::login_link);
  CHECK(l.created == 1764547600);
  CHECK(l.url == "https://connect.stripe.com/express/acct_1FixExpress0000001/FIXTURE_NOT_A_REAL_LOGIN");
  CHECK(l.raw->size() == 3);
}

TEST_CASE("fixture: a v1 account session with its embedded components and their features") {
  auto s = stripe::decode<v1::AccountSession>(test_support::fixture("v1_account_session.json"));
  CHECK(s.object == v1::AccountSession::Object::account_session);
  CHECK(s.account == "acct_1FixCompany0000001");
  CHECK(s.client_secret == "accs_secret__FIXTURE_NOT_A_REAL_CLIENT_SECRET");
  CHECK(s.expires_at == 1764549400);
  CHECK_FALSE(s.livemode);
  const auto& c = s.components;

  CHECK(c.account_onboarding.enabled);
  CHECK(c.account_onboarding.features.disable_stripe_user_authentication);
  CHECK(c.account_onboarding.features.external_account_collection);

  CHECK(c.account_management.enabled);
  CHECK_FALSE(c.account_management.features.disable_stripe_user_authentication);
  CHECK(c.account_management.features.external_account_collection);

  CHECK(c.notification_banner.enabled);
  CHECK_FALSE(c.notification_banner.features.external_account_collection);

  CHECK(c.documents.enabled);
  CHECK(s.raw->at("components").at("documents").at("features").empty());

  CHECK(c.payouts.enabled);
  CHECK(c.payouts.features.edit_payout_schedule);
  CHECK(c.payouts.features.instant_payouts);
  CHECK(c.payouts.features.standard_payouts);
  CHECK(c.payouts.features.external_account_collection);
  CHECK_FALSE(c.payouts.features.disable_stripe_user_authentication);

  CHECK_FALSE(c.notification_banner.features.disable_stripe_user_authentication);

  CHECK_FALSE(c.balances.enabled);
  CHECK_FALSE(c.balances.features.instant_payouts);
  CHECK_FALSE(c.balances.features.standard_payouts);
  CHECK_FALSE(c.balances.features.edit_payout_schedule);
  CHECK_FALSE(c.balances.features.disable_stripe_user_authentication);
  CHECK(c.balances.features.external_account_collection);
  CHECK_FALSE(c.payment_details.enabled);
  CHECK(c.payment_details.features.capture_payments);
  CHECK(c.payment_details.features.dispute_management);
  CHECK(c.payment_details.features.refund_management);
  CHECK(c.payment_details.features.smart_disputes_management);
  CHECK_FALSE(c.payment_details.features.destination_on_behalf_of_charge_management);
  CHECK(c.payments.features.capture_payments);
  CHECK(c.payments.features.dispute_management);
  CHECK(c.payments.features.smart_disputes_management);
  CHECK_FALSE(c.tax_registrations.enabled);
  CHECK_FALSE(c.tax_settings.enabled);
  CHECK_FALSE(c.payments.enabled);
  CHECK(c.payments.features.refund_management);
  CHECK_FALSE(c.payments.features.destination_on_behalf_of_charge_management);
  CHECK_FALSE(c.payouts_list.enabled);
  // A component the reply leaves out decodes as disabled.
  CHECK_FALSE(c.issuing_card.enabled);
  CHECK_FALSE(c.issuing_card.features.card_management);
  // One the SDK does not know stays readable in raw.
  CHECK(s.raw->at("components").at("fixture_component_not_in_sdk").at("enabled") == true);
  CHECK(s.raw->at("components").at("fixture_component_not_in_sdk").at("features").at("anything") == true);
}

TEST_CASE("fixture: a v1 country spec with verification fields and bank account currencies") {
  auto cs = stripe::decode<v1::CountrySpec>(test_support::fixture("v1_country_spec.json"));
  CHECK(cs.id == "GB");
  CHECK(cs.object == v1::CountrySpec::Object::country_spec);
  CHECK(cs.default_currency == "gbp");
  REQUIRE(cs.supported_bank_account_currencies.size() == 3);
  CHECK(cs.supported_bank_account_currencies.at("gbp") == std::vector<std::string>{"GB"});
  CHECK(cs.supported_bank_account_currencies.at("eur") == std::vector<std::string>{"GB"});
  CHECK(cs.supported_bank_account_currencies.at("usd") == std::vector<std::string>{"GB"});
  CHECK(cs.supported_bank_account_currencies.count("chf") == 0);
  CHECK(cs.supported_payment_currencies == std::vector<std::string>{"eur", "gbp", "usd"});
  CHECK(cs.supported_payment_methods == std::vector<std::string>{"ach", "card", "stripe"});
  CHECK(cs.supported_transfer_countries == std::vector<std::string>{"AT", "BE", "DE", "FR", "GB", "IE", "US"});
  const auto& vf = cs.verification_fields;
  CHECK(vf.individual.minimum ==
        std::vector<std::string>{"business_profile.mcc", "business_profile.url", "business_type", "external_account",
                                 "individual.address.city", "individual.address.line1",
                                 "individual.address.postal_code", "individual.dob.day", "individual.dob.month",
                                 "individual.dob.year", "individual.email", "individual.first_name",
                                 "individual.last_name", "individual.phone", "tos_acceptance.date",
                                 "tos_acceptance.ip"});
  CHECK(vf.individual.additional == std::vector<std::string>{"individual.verification.document"});
  CHECK(vf.company.minimum ==
        std::vector<std::string>{"business_profile.mcc", "business_profile.url", "business_type",
                                 "company.address.city", "company.address.line1", "company.address.postal_code",
                                 "company.name", "company.phone", "company.tax_id", "directors.dob.day",
                                 "directors.first_name", "external_account", "representative.dob.day",
                                 "representative.first_name", "representative.relationship.title",
                                 "tos_acceptance.date", "tos_acceptance.ip"});
  CHECK(vf.company.additional == std::vector<std::string>{"company.verification.document"});
}

TEST_CASE("fixture: v1 account and person tokens") {
  auto a = stripe::decode<v1::Token>(test_support::fixture("v1_token_account.json"));
  CHECK(a.id == "ct_1FixAcctToken00000001");
  CHECK(a.object == v1::Token::Object::token);
  CHECK(a.type == "account");
  CHECK(a.client_ip == std::string("203.0.113.7"));
  CHECK(a.created == 1764547700);
  CHECK_FALSE(a.used);
  CHECK_FALSE(a.livemode);
  CHECK_FALSE(a.bank_account.has_value());
  CHECK_FALSE(a.card.has_value());

  auto p = stripe::decode<v1::Token>(test_support::fixture("v1_token_person.json"));
  CHECK(p.id == "cpt_1FixPersonToken000001");
  CHECK(p.type == "person");
  CHECK(p.object == v1::Token::Object::token);
  CHECK(p.created == 1764547710);
  CHECK_FALSE(p.livemode);
  CHECK(p.used);
  CHECK_FALSE(p.client_ip.has_value());
  CHECK(p.raw->at("id") == p.id);
}

TEST_CASE("fixture: v1 deleted person and deleted external account replies") {
  auto dp = stripe::decode<v1::DeletedPerson>(test_support::fixture("v1_deleted_person.json"));
  CHECK(dp.id == "person_1FixRepJenny00000001");
  CHECK(dp.object == v1::Person::Object::person);
  CHECK(dp.deleted);

  static_assert(std::is_same_v<v1::DeletedExternalAccount, v1::DeletedBankAccount>);
  auto da = stripe::decode<v1::DeletedExternalAccount>(test_support::fixture("v1_deleted_external_account.json"));
  CHECK(da.id == "ba_1FixBank000000000002");
  CHECK(da.object == v1::BankAccount::Object::bank_account);
  CHECK(da.currency == std::string("usd"));
  CHECK(da.deleted);

  // Deleting a card external account answers with object "card" in the same type: kept, not known.
  auto dc = stripe::decode<v1::DeletedExternalAccount>(test_support::fixture("v1_deleted_external_card.json"));
  CHECK(dc.id == "card_1FixDebit00000000001");
  CHECK(dc.object == "card");
  CHECK_FALSE(dc.object.is_known());
  CHECK(dc.currency == std::string("usd"));
  CHECK(dc.deleted);
}

TEST_CASE("fixture: a v2 account person") {
  auto p = stripe::decode<v2::AccountPerson>(test_support::fixture("v2_person.json"));
  CHECK(p.id == "person_test_61FixV2PersonJenny000000000000");
  CHECK(p.object == v2::AccountPerson::Object::v2_core_account_person);
  CHECK(p.account == "acct_1FixV2Account00001");
  CHECK(p.created == "2026-11-30T08:55:12.000Z");
  CHECK(p.updated == "2026-11-30T09:01:40.000Z");
  CHECK_FALSE(p.livemode);
  CHECK(p.given_name == std::string("Jenny"));
  CHECK(p.surname == std::string("Rosen"));
  CHECK(p.email == std::string("jenny.rosen@example.com"));
  CHECK(p.legal_gender == v2::AccountPerson::LegalGender::female);
  CHECK(p.political_exposure == v2::AccountPerson::PoliticalExposure::none);
  CHECK(p.nationalities == std::vector<std::string>{"US"});
  CHECK(p.metadata.at("internal_person_id") == "p_42");
  CHECK_FALSE(p.script_addresses.has_value());
  CHECK_FALSE(p.script_names.has_value());

  REQUIRE(p.address);
  CHECK(p.address->line1 == std::string("510 Example St"));
  CHECK(p.address->line2 == std::string("Suite 2"));
  CHECK(p.address->city == std::string("San Francisco"));
  CHECK(p.address->state == std::string("CA"));
  CHECK(p.address->postal_code == std::string("94103"));
  CHECK(p.address->country == std::string("US"));
  CHECK_FALSE(p.address->town.has_value());
  REQUIRE(p.date_of_birth);
  CHECK(p.date_of_birth->day == 1);
  CHECK(p.date_of_birth->month == 1);
  CHECK(p.date_of_birth->year == 1901);
  CHECK(p.phone == std::string("+15555550100"));
  REQUIRE(p.additional_addresses.size() == 1);
  CHECK(p.additional_addresses[0].purpose == v2::AdditionalAddresses::Purpose::registered);
  CHECK(p.additional_addresses[0].city == std::string("Oakland"));
  CHECK(p.additional_addresses[0].line1 == std::string("1 Fixture Way"));
  CHECK(p.additional_addresses[0].postal_code == std::string("94607"));
  CHECK(p.additional_addresses[0].state == std::string("CA"));
  CHECK(p.additional_addresses[0].country == std::string("US"));
  REQUIRE(p.additional_names.size() == 1);
  CHECK(p.additional_names[0].purpose == v2::AdditionalNames::Purpose::alias);
  CHECK(p.additional_names[0].full_name == std::string("Jen Rosen"));
  REQUIRE(p.additional_terms_of_service);
  REQUIRE(p.additional_terms_of_service->account);
  CHECK(p.additional_terms_of_service->account->date == std::string("2026-11-30T09:00:00.000Z"));
  CHECK(p.additional_terms_of_service->account->ip == std::string("203.0.113.9"));
  CHECK(p.additional_terms_of_service->account->user_agent == std::string("Mozilla/5.0 (fixture)"));

  REQUIRE(p.documents);
  REQUIRE(p.documents->primary_verification);
  const auto& pv = *p.documents->primary_verification;
  CHECK(pv.type == v2::PrimaryVerification::Type::front_back);
  CHECK(pv.front_back.front == "file_1FixV2IdFront000001");
  CHECK(pv.front_back.back == std::string("file_1FixV2IdBack0000001"));
  CHECK_FALSE(p.documents->passport.has_value());

  REQUIRE(p.id_numbers.size() == 2);
  CHECK(p.id_numbers[0].type == v2::Type::us_ssn_last_4);
  CHECK(p.id_numbers[0].type.is_known());
  CHECK_FALSE(p.id_numbers[1].type.is_known());
  CHECK(p.id_numbers[1].type.value() == "xx_future_id_number");

  REQUIRE(p.relationship);
  CHECK(p.relationship->representative == true);
  CHECK(p.relationship->owner == true);
  CHECK(p.relationship->executive == true);
  CHECK(p.relationship->director == false);
  CHECK_FALSE(p.relationship->authorizer.has_value());  // null
  CHECK(p.relationship->percent_ownership == std::string("0.375"));  // v2 decimals are strings
  CHECK(p.relationship->title == std::string("CEO"));

  CHECK(p.raw->at("fixture_field_not_in_sdk") == nlohmann::json({1, 2, 3}));
}

TEST_CASE("fixture: v2 person and account tokens, and a v2 deleted person") {
  auto pt = stripe::decode<v2::AccountPersonToken>(test_support::fixture("v2_person_token.json"));
  CHECK(pt.id == "perstok_test_61FixPersonToken0000000000000");
  CHECK(pt.object == v2::AccountPersonToken::Object::v2_core_account_person_token);
  CHECK(pt.created == "2026-11-30T09:05:00.000Z");
  CHECK(pt.expires_at == "2026-11-30T09:15:00.000Z");
  CHECK_FALSE(pt.used);
  CHECK_FALSE(pt.livemode);

  auto at = stripe::decode<v2::AccountToken>(test_support::fixture("v2_account_token.json"));
  CHECK(at.id == "accttok_test_61FixAccountToken000000000000");
  CHECK(at.object == v2::AccountToken::Object::v2_core_account_token);
  CHECK(at.object.is_known());
  CHECK(at.expires_at == "2026-11-30T09:16:00.000Z");
  CHECK(at.used);
  CHECK(at.created == "2026-11-30T09:06:00.000Z");
  CHECK_FALSE(at.livemode);

  auto d = stripe::decode<v2::DeletedObject>(test_support::fixture("v2_deleted_person.json"));
  CHECK(d.id == "person_test_61FixV2PersonJenny000000000000");
  CHECK(d.object == std::string("v2.core.account_person"));
  CHECK(d.raw->at("deleted") == true);
}

TEST_CASE("fixture: a v2 account[requirements].updated event: a thin event with its related object") {
  auto e = stripe::decode<v2::Event>(test_support::fixture("v2_event_account_requirements_updated.json"));
  CHECK(e.id == "evt_test_65FixReqUpdated00000000000000000000");
  CHECK(e.object == v2::Event::Object::v2_core_event);
  CHECK(e.type == "v2.core.account[requirements].updated");
  CHECK(e.created == "2026-11-30T09:12:45.123Z");
  CHECK_FALSE(e.livemode);
  CHECK_FALSE(e.context.has_value());
  CHECK(e.changes.empty());
  CHECK(e.data.is_null());  // this event type carries no data: fetch the account
  try {
    (void)e.data_as<v2::V2CoreAccountLinkReturnedEventData>();
    FAIL("data_as on an event without data returned a value");
  } catch (const stripe::DecodeError& err) {
    CHECK(std::string(err.what()).find("evt_test_65FixReqUpdated00000000000000000000") != std::string::npos);
    CHECK(std::string(err.what()).find("has no data") != std::string::npos);
  }
  REQUIRE(e.reason);
  CHECK(e.reason->type == v2::Event::Reason::Type::request);
  REQUIRE(e.reason->request);
  CHECK(e.reason->request->id == "req_v2FixReq00000001");
  CHECK(e.reason->request->idempotency_key == "fixture-idempotency-key-0001");
  REQUIRE(e.related_object);
  CHECK(e.related_object->id == "acct_1FixV2Account00001");
  CHECK(e.related_object->type == "v2.core.account");
  CHECK(e.related_object->url == "/v2/core/accounts/acct_1FixV2Account00001");
}

TEST_CASE("fixture: a v2 account_link.returned event with its typed data") {
  auto e = stripe::decode<v2::Event>(test_support::fixture("v2_event_account_link_returned.json"));
  CHECK(e.id == "evt_test_65FixLinkReturned0000000000000000");
  CHECK(e.object == v2::Event::Object::v2_core_event);
  CHECK(e.type == "v2.core.account_link.returned");
  CHECK(e.created == "2026-11-30T09:20:03.456Z");
  CHECK_FALSE(e.livemode);
  CHECK(e.context == std::string("acct_1FixV2Account00001"));
  CHECK_FALSE(e.reason.has_value());  // null
  CHECK_FALSE(e.related_object.has_value());
  auto d = e.data_as<v2::V2CoreAccountLinkReturnedEventData>();
  CHECK(d.account_id == "acct_1FixV2Account00001");
  CHECK(d.use_case == v2::V2CoreAccountLinkReturnedEventData::UseCase::account_onboarding);
  CHECK(d.use_case.is_known());
  REQUIRE(d.configurations.size() == 2);
  CHECK(d.configurations[0] == v2::ConfigurationType::recipient);
  CHECK(d.configurations[0].is_known());
  CHECK_FALSE(d.configurations[1].is_known());  // a configuration newer than the SDK
  CHECK(d.configurations[1].value() == "storer");
  CHECK(d.raw->at("account_id") == d.account_id);
}

TEST_CASE("fixture: a v2 events list page") {
  auto page = stripe::decode<stripe::V2List<v2::Event>>(test_support::fixture("v2_events_list.json"));
  REQUIRE(page.data.size() == 2);
  CHECK(page.next_page_url == std::string("/v2/core/events?page=page_fixture_2"));
  CHECK_FALSE(page.previous_page_url.has_value());
  const auto& updated = page.data[0];
  CHECK(updated.id == "evt_test_65FixReqUpdated00000000000000000000");
  CHECK(updated.object == v2::Event::Object::v2_core_event);
  CHECK(updated.type == "v2.core.account[requirements].updated");
  CHECK(updated.created == "2026-11-30T09:12:45.123Z");
  CHECK_FALSE(updated.livemode);
  REQUIRE(updated.reason);
  CHECK(updated.reason->type == v2::Event::Reason::Type::request);
  REQUIRE(updated.reason->request);
  CHECK(updated.reason->request->id == "req_v2FixReq00000001");
  CHECK(updated.reason->request->idempotency_key == "fixture-idempotency-key-0001");
  REQUIRE(updated.related_object);
  CHECK(updated.related_object->id == "acct_1FixV2Account00001");
  CHECK(updated.related_object->type == "v2.core.account");
  CHECK(updated.related_object->url == "/v2/core/accounts/acct_1FixV2Account00001");
  CHECK(updated.raw->at("id") == updated.id);  // each item keeps its own raw
  const auto& created = page.data[1];
  CHECK(created.id == "evt_test_65FixPersonCreated000000000000000");
  CHECK(created.object == v2::Event::Object::v2_core_event);
  CHECK(created.type == "v2.core.account_person.created");
  CHECK(created.created == "2026-11-30T08:55:12.500Z");
  CHECK_FALSE(created.livemode);
  REQUIRE(created.reason);
  CHECK_FALSE(created.reason->type.is_known());
  CHECK(created.reason->type.value() == "fixture_future_reason");
  CHECK_FALSE(created.reason->request.has_value());
  REQUIRE(created.related_object);
  CHECK(created.related_object->id == "person_test_61FixV2PersonJenny000000000000");
  CHECK(created.related_object->type == "v2.core.account_person");
  CHECK(created.related_object->url ==
        "/v2/core/accounts/acct_1FixV2Account00001/persons/person_test_61FixV2PersonJenny000000000000");
  CHECK(created.data_as<v2::V2CoreAccountPersonCreatedEventData>().account_id == "acct_1FixV2Account00001");
}

TEST_CASE("fixture: a v2 webhook event destination") {
  auto d = stripe::decode<v2::EventDestination>(test_support::fixture("v2_event_destination.json"));
  CHECK(d.id == "ed_test_61FixEventDestination0000000000000");
  CHECK(d.object == v2::EventDestination::Object::v2_core_event_destination);
  CHECK(d.type == v2::EventDestinationType::webhook_endpoint);
  CHECK(d.name == "onboarding-webhook");
  CHECK(d.description == "Onboarding events for the platform");
  CHECK(d.created == "2026-11-29T16:20:09.931Z");
  CHECK(d.updated == "2026-11-30T10:02:02.524Z");
  CHECK_FALSE(d.livemode);
  CHECK(d.enabled_events == std::vector<std::string>{"v2.core.account[requirements].updated",
                                                      "v2.core.account_link.returned",
                                                      "v2.core.account_person.created"});
  CHECK(d.event_payload == v2::EventDestination::EventPayload::thin);
  CHECK(d.events_from == std::vector<std::string>{"self", "other_accounts"});
  CHECK(d.metadata.at("team") == "onboarding");
  CHECK_FALSE(d.snapshot_api_version.has_value());
  CHECK(d.status == v2::EventDestination::Status::disabled);
  REQUIRE(d.status_details);
  REQUIRE(d.status_details->disabled);
  CHECK(d.status_details->disabled->reason == v2::EventDestination::StatusDetails::Disabled::Reason::user);
  REQUIRE(d.webhook_endpoint);
  CHECK(d.webhook_endpoint->url == std::string("https://platform.example/webhooks/stripe"));
  CHECK_FALSE(d.webhook_endpoint->signing_secret.has_value());
  CHECK_FALSE(d.amazon_eventbridge.has_value());
  CHECK_FALSE(d.azure_event_grid.has_value());
  CHECK(d.raw->at("fixture_field_not_in_sdk").at("nested") == "kept");

  // A destination type and status newer than the SDK decode and stay what they were.
  auto j = test_support::fixture("v2_event_destination.json");
  j["type"] = "fixture_queue";
  j["status"] = "paused_future";
  j["status_details"]["disabled"]["reason"] = "fixture_quota";
  auto later = stripe::decode<v2::EventDestination>(j);
  CHECK_FALSE(later.type.is_known());
  CHECK(later.type.value() == "fixture_queue");
  CHECK_FALSE(later.status.is_known());
  CHECK(later.status == "paused_future");
  CHECK_FALSE(later.status_details->disabled->reason.is_known());
}
