// The rest of the v1 onboarding surface on the in-process simulator, through the SDK's typed
// client: persons, external accounts, files and file links, tokens, login links, account
// sessions, country specs, unreject and the platform's own account; each endpoint's values and
// each refusal in Stripe's error shape.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "stripe/connect.hpp"
#include "stripe/testing/simulator.hpp"
#include "support/company_onboarding.hpp"
#include "support/schema_paths.hpp"

namespace v1 = stripe::v1;
using stripe::testing::Simulator;
using M = stripe::http::Method;

namespace {

struct World {
  std::shared_ptr<Simulator> sim = std::make_shared<Simulator>();
  std::vector<stripe::testing::WebhookDelivery> deliveries;
  stripe::Client client = make();

  stripe::Client make() {
    stripe::ClientOptions o;
    o.secret_key = "sk_test_surface_0123456789";
    o.transport = sim;
    o.retry.max_retries = 0;
    o.sleep = [](std::chrono::milliseconds) {};
    return stripe::Client(o);
  }
  World() {
    sim->on_webhook([this](const stripe::testing::WebhookDelivery& d) { deliveries.push_back(d); });
  }
  v1::Account get(const std::string& id) { return client.v1().accounts().retrieve(id).value(); }
  // A custom account asking for transfers; its business type decides what it is asked for.
  v1::Account custom(const std::string& country, const std::string& business_type) {
    v1::AccountCreateParams p;
    p.type = "custom";
    p.country = country;
    p.business_type = v1::AccountCreateParams::BusinessType(business_type);
    p.capabilities.emplace().transfers.emplace().requested = true;
    return client.v1().accounts().create(p).value();
  }
  v1::Account gb_company() { return client.v1().accounts().create(test_support::gb_company_account(sim->now())).value(); }
  std::vector<std::string> delivered(const std::string& type) const {
    std::vector<std::string> out;
    for (const auto& d : deliveries)
      if (d.type == type) out.push_back(d.payload);
    return out;
  }
};

bool contains(const std::optional<std::vector<std::string>>& list, const std::string& item) {
  return list && std::find(list->begin(), list->end(), item) != list->end();
}
bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Runs `call` and checks it is refused with `status`, `code` and a message that says `text`.
void expect_refused(const std::function<void()>& call, int status, const std::string& code, const std::string& text,
                    const std::string& param = "*") {
  try {
    call();
    FAIL("expected an InvalidRequestError");
  } catch (const stripe::InvalidRequestError& e) {
    INFO(e.message());  // the simulator's messages carry no secret
    CHECK(e.http_status() == status);
    CHECK(e.code() == code);
    CHECK(e.type() == "invalid_request_error");
    CHECK(e.message().find(text) != std::string::npos);
    if (param != "*") CHECK(e.param() == param);
  }
}

}  // namespace

TEST_CASE("onboarding surface: a GB company onboards through persons, a document, a bank account and verification") {
  World w;
  auto done = test_support::onboard_gb_company(w.client, w.sim->now());
  auto pending = w.get(done.account);
  CHECK(pending.requirements->currently_due->empty());
  CHECK(contains(pending.requirements->pending_verification, done.representative + ".verification.document"));
  CHECK(contains(pending.requirements->pending_verification, "external_account"));
  CHECK(contains(pending.requirements->pending_verification, "company.tax_id"));
  CHECK_FALSE(pending.charges_enabled);
  auto rep = w.client.v1().persons().retrieve(done.account, done.representative).value();
  CHECK(rep.verification->status == "pending");
  CHECK(contains(rep.requirements->pending_verification, "verification.document"));

  w.sim->advance_clock(60);
  auto complete = w.get(done.account);
  CHECK(complete.requirements->currently_due->empty());
  CHECK(complete.requirements->eventually_due->empty());
  CHECK(complete.requirements->pending_verification->empty());
  CHECK(complete.charges_enabled);
  CHECK(complete.payouts_enabled);
  CHECK(complete.capabilities.at("card_payments") == "active");
  rep = w.client.v1().persons().retrieve(done.account, done.representative).value();
  CHECK(rep.verification->status == "verified");
  CHECK(rep.requirements->pending_verification.empty());
  REQUIRE(complete.external_accounts);
  REQUIRE(complete.external_accounts->data.size() == 1);
  REQUIRE(complete.external_accounts->data.at(0).is_bank_account());
  CHECK(complete.external_accounts->data.at(0).bank_account->last4 == "2345");
}

TEST_CASE("onboarding surface: persons take over the representative requirements under their own id") {
  World w;
  auto a = w.gb_company();
  CHECK(contains(a.requirements->currently_due, "representative.first_name"));
  v1::PersonCreateParams partial;
  partial.first_name = "Jenny";
  partial.relationship.emplace().representative = true;
  auto rep = w.client.v1().persons().create(a.id, partial).value();
  CHECK(rep.id.rfind("person_", 0) == 0);
  CHECK(rep.object == "person");
  CHECK(rep.account == a.id);
  CHECK(rep.relationship->representative == true);
  CHECK(contains(rep.requirements->currently_due, "last_name"));
  CHECK_FALSE(contains(rep.requirements->currently_due, "first_name"));
  CHECK(contains(rep.requirements->eventually_due, "verification.document"));
  auto now = w.get(a.id);
  CHECK(contains(now.requirements->currently_due, rep.id + ".last_name"));
  CHECK(contains(now.requirements->eventually_due, rep.id + ".verification.document"));
  CHECK_FALSE(contains(now.requirements->currently_due, "representative.last_name"));
  CHECK_FALSE(contains(now.requirements->currently_due, rep.id + ".first_name"));

  v1::PersonUpdateParams more;
  more.last_name = "Rosen";
  more.id_number = "AB123456C";
  auto updated = w.client.v1().persons().update(a.id, rep.id, more).value();
  CHECK(updated.last_name == std::string("Rosen"));
  CHECK(updated.id_number_provided == true);
  CHECK(updated.raw->dump().find("AB123456C") == std::string::npos);  // never echoed
  CHECK_FALSE(contains(w.get(a.id).requirements->currently_due, rep.id + ".last_name"));

  // A document on the person: pending, then verified after the verification delay.
  auto file = w.client.v1().files().create(test_support::identity_document()).value();
  v1::PersonUpdateParams doc;
  doc.verification.emplace().document.emplace().front = file.id;
  auto with_doc = w.client.v1().persons().update(a.id, rep.id, doc).value();
  CHECK(with_doc.verification->status == "pending");
  CHECK(with_doc.verification->document->front->id == file.id);
  CHECK(contains(w.get(a.id).requirements->pending_verification, rep.id + ".verification.document"));
  w.sim->advance_clock(59);
  CHECK(w.client.v1().persons().retrieve(a.id, rep.id)->verification->status == "pending");
  w.sim->advance_clock(1);
  CHECK(w.client.v1().persons().retrieve(a.id, rep.id)->verification->status == "verified");
  CHECK_FALSE(contains(w.get(a.id).requirements->pending_verification, rep.id + ".verification.document"));

  // fail_verification takes the name the account shows.
  w.sim->fail_verification(a.id, rep.id + ".verification.document");
  auto failed = w.get(a.id);
  CHECK(contains(failed.requirements->currently_due, rep.id + ".verification.document"));
  REQUIRE(failed.requirements->errors->size() == 1);
  CHECK(failed.requirements->errors->at(0).requirement == rep.id + ".verification.document");

  // Deleting the representative: the requirements are the representative's again.
  auto deleted = w.client.v1().persons().del(a.id, rep.id).value();
  CHECK(deleted.deleted == true);
  CHECK(contains(w.get(a.id).requirements->currently_due, "representative.first_name"));
  expect_refused([&] { w.client.v1().persons().retrieve(a.id, rep.id); }, 404, "resource_missing", "No such person");
}

TEST_CASE("onboarding surface: persons list by relationship and page, events announce them") {
  World w;
  auto a = w.gb_company();
  std::vector<std::string> ids;
  for (const char* role : {"owner", "director", "owner"}) {
    v1::PersonCreateParams p;
    p.first_name = role;
    auto& rel = p.relationship.emplace();
    if (std::string(role) == "owner") rel.owner = true;
    else rel.director = true;
    ids.push_back(w.client.v1().persons().create(a.id, p)->id);
  }
  v1::PersonListParams owners;
  owners.relationship.emplace().owner = true;
  auto listed = w.client.v1().persons().list(a.id, owners).value();
  REQUIRE(listed.data.size() == 2);
  CHECK(listed.data[0].id == ids[2]);  // newest first
  CHECK(listed.data[1].id == ids[0]);
  v1::PersonListParams directors;
  directors.relationship.emplace().director = true;
  CHECK(w.client.v1().persons().list(a.id, directors)->data.size() == 1);
  v1::PersonListParams page;
  page.limit = 2;
  auto first = w.client.v1().persons().list(a.id, page).value();
  CHECK(first.data.size() == 2);
  CHECK(first.has_more);
  page.starting_after = first.data.back().id;
  auto second = w.client.v1().persons().list(a.id, page).value();
  REQUIRE(second.data.size() == 1);
  CHECK(second.data[0].id == ids[0]);
  CHECK_FALSE(second.has_more);

  v1::PersonUpdateParams rename;
  rename.first_name = "Renamed";
  w.client.v1().persons().update(a.id, ids[1], rename).value();
  w.client.v1().persons().del(a.id, ids[1]).value();
  CHECK(w.delivered("person.created").size() == 3);
  REQUIRE(w.delivered("person.updated").size() == 1);
  auto updated = nlohmann::json::parse(w.delivered("person.updated")[0]);
  CHECK(updated["account"] == a.id);
  CHECK(updated["data"]["object"]["first_name"] == "Renamed");
  CHECK(updated["data"]["previous_attributes"]["first_name"] == "director");
  CHECK(w.delivered("person.deleted").size() == 1);

  auto raw = w.client.raw_request(M::get, "/v1/accounts/" + a.id + "/persons/" + ids[0]).value();
  CHECK(test_support::unknown_fields(raw, "Stripe.Person") == "");
  expect_refused([&] { w.client.raw_request(M::post, "/v1/accounts/" + a.id + "/persons", {{"nickname", "J"}}); }, 400,
                 "parameter_unknown", "Received unknown parameter: nickname", "nickname");
  expect_refused([&] { w.client.v1().persons().list("acct_missing"); }, 404, "resource_missing", "No such account");
  v1::PersonCreateParams ghost_doc;
  ghost_doc.verification.emplace().document.emplace().front = "file_1SimNoSuchFile0";
  expect_refused([&] { w.client.v1().persons().create(a.id, ghost_doc); }, 400, "resource_missing",
                 "No such file upload", "verification[document][front]");
}

TEST_CASE("onboarding surface: owners, directors and executives provided satisfy their requirements") {
  World w;
  auto a = w.custom("US", "company");
  CHECK(contains(a.requirements->currently_due, "company.owners_provided"));
  CHECK(contains(a.requirements->eventually_due, "company.executives_provided"));
  v1::AccountUpdateParams u;
  u.company.emplace().owners_provided = true;
  u.company->executives_provided = true;
  auto& address = u.company->address.emplace();
  address.line1 = "510 Townsend St";
  address.city = "San Francisco";
  auto after = w.client.v1().accounts().update(a.id, u).value();
  CHECK_FALSE(contains(after.requirements->currently_due, "company.owners_provided"));
  CHECK_FALSE(contains(after.requirements->eventually_due, "company.executives_provided"));
  CHECK(after.company->owners_provided == true);
  REQUIRE(after.company->address);  // typed, as the API sends it
  CHECK(after.company->address->line1 == std::string("510 Townsend St"));
  CHECK(after.company->address->city == std::string("San Francisco"));
  CHECK_FALSE(after.company->address->line2.has_value());
}

TEST_CASE("onboarding surface: external accounts from a hash or a token, defaults per currency, the default stays") {
  World w;
  auto a = w.gb_company();
  CHECK(contains(a.requirements->currently_due, "external_account"));
  auto first = w.client.v1().external_accounts().create(a.id, test_support::gb_bank_account()).value();
  REQUIRE(first.bank_account);
  const auto& ba = *first.bank_account;
  CHECK(first.id.rfind("ba_", 0) == 0);
  CHECK(ba.last4 == "2345");
  CHECK(ba.country == "GB");
  CHECK(ba.currency == "gbp");
  CHECK(ba.routing_number == std::string("108800"));
  CHECK(ba.default_for_currency == true);
  CHECK(ba.status == "new");
  CHECK(first.raw->dump().find("00012345") == std::string::npos);  // the number is never echoed
  CHECK(test_support::unknown_fields(first.raw, "Stripe.BankAccount") == "");
  auto now = w.get(a.id);
  CHECK_FALSE(contains(now.requirements->currently_due, "external_account"));
  CHECK(contains(now.requirements->pending_verification, "external_account"));

  // A second gbp account from a bank account token: not the default until asked.
  auto token = w.client.v1().tokens().create(test_support::gb_bank_account_token("55779911", "20-00-00")).value();
  CHECK(token.id.rfind("btok_", 0) == 0);
  CHECK(token.type == "bank_account");
  CHECK(token.used == false);
  REQUIRE(token.bank_account);
  CHECK(token.bank_account->last4 == "9911");
  v1::ExternalAccountCreateParams from_token;
  from_token.external_account = token.id;
  auto second = w.client.v1().external_accounts().create(a.id, from_token).value();
  CHECK(second.bank_account->last4 == "9911");
  CHECK(second.bank_account->default_for_currency == false);
  CHECK(w.client.v1().tokens().retrieve(token.id)->used == true);
  expect_refused([&] { w.client.v1().external_accounts().create(a.id, from_token); }, 400, "token_already_used",
                 "You cannot use a Stripe token more than once");

  expect_refused([&] { w.client.v1().external_accounts().del(a.id, first.id); }, 400, "",
                 "You cannot delete the default bank account");
  v1::ExternalAccountUpdateParams make_default;
  make_default.default_for_currency = true;
  auto promoted = w.client.v1().external_accounts().update(a.id, second.id, make_default).value();
  CHECK(promoted.bank_account->default_for_currency == true);
  CHECK(w.client.v1().external_accounts().retrieve(a.id, first.id)->bank_account->default_for_currency == false);
  auto gone = w.client.v1().external_accounts().del(a.id, first.id).value();
  CHECK(gone.deleted == true);
  auto left = w.client.v1().external_accounts().list(a.id).value();
  REQUIRE(left.data.size() == 1);
  CHECK(left.data[0].id == second.id);
  expect_refused([&] { w.client.v1().external_accounts().retrieve(a.id, first.id); }, 404, "resource_missing",
                 "No such external account");
  CHECK(w.delivered("account.external_account.created").size() == 2);
  CHECK(w.delivered("account.external_account.deleted").size() == 1);

  // Wrong numbers are refused with the API's codes.
  auto wrong = test_support::gb_bank_account();
  std::get<v1::ExternalAccountCreateParams::BankAccount>(wrong.external_account).routing_number = "1234";
  expect_refused([&] { w.client.v1().external_accounts().create(a.id, wrong); }, 400, "routing_number_invalid",
                 "sort code", "external_account[routing_number]");
  wrong = test_support::gb_bank_account();
  std::get<v1::ExternalAccountCreateParams::BankAccount>(wrong.external_account).account_number = "12AB";
  expect_refused([&] { w.client.v1().external_accounts().create(a.id, wrong); }, 400, "account_number_invalid",
                 "account number is invalid", "external_account[account_number]");
  v1::ExternalAccountCreateParams unknown_token;
  unknown_token.external_account = "btok_1SimNoSuchToken";
  expect_refused([&] { w.client.v1().external_accounts().create(a.id, unknown_token); }, 400, "resource_missing",
                 "No such token");
}

TEST_CASE("onboarding surface: external_account on account create and update keeps a bank account") {
  World w;
  v1::AccountCreateParams p;
  p.type = "custom";
  p.country = "US";
  p.capabilities.emplace().transfers.emplace().requested = true;
  p.external_account = std::string("btok_us_verified");
  auto a = w.client.v1().accounts().create(p).value();
  REQUIRE(a.external_accounts);
  REQUIRE(a.external_accounts->data.size() == 1);
  REQUIRE(a.external_accounts->data[0].is_bank_account());
  CHECK(a.external_accounts->data[0].bank_account->country == "US");
  CHECK(a.external_accounts->data[0].bank_account->default_for_currency == true);
  CHECK(contains(a.requirements->pending_verification, "external_account"));
  auto listed = w.client.v1().external_accounts().list(a.id).value();
  REQUIRE(listed.data.size() == 1);
  CHECK(listed.data[0].bank_account->currency == "usd");
  CHECK(listed.data[0].bank_account->routing_number == std::string("110000000"));
}

TEST_CASE("onboarding surface: files upload as multipart, identity documents must be PDF, JPEG or PNG") {
  World w;
  auto png = w.client.v1().files().create(test_support::identity_document()).value();
  CHECK(png.id.rfind("file_", 0) == 0);
  CHECK(png.purpose == "identity_document");
  CHECK(png.size == 16);
  CHECK(png.type == std::string("png"));
  CHECK(png.filename == std::string("passport.png"));
  CHECK(test_support::unknown_fields(png.raw, "Stripe.File") == "");
  auto pdf = w.client.v1().files().create(test_support::identity_document("%PDF-1.7\n%fake\n", "application/pdf")).value();
  CHECK(pdf.type == std::string("pdf"));
  auto jpeg = w.client.v1().files().create(test_support::identity_document(std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF", "image/jpeg")).value();
  CHECK(jpeg.type == std::string("jpg"));
  CHECK(w.client.v1().files().retrieve(png.id)->size == 16);

  // The content decides, not the declared type; the message names what was declared and never the bytes.
  try {
    w.client.v1().files().create(test_support::identity_document("SECRET-PASSPORT-TEXT", "image/png"));
    FAIL("a text file passed as an identity document");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.http_status() == 400);
    CHECK(e.param() == "file");
    CHECK(e.message().find("PDF, JPEG or PNG") != std::string::npos);
    CHECK(e.message().find("image/png") != std::string::npos);
    CHECK(e.raw_body().find("SECRET-PASSPORT-TEXT") == std::string::npos);
  }
  expect_refused([&] { w.client.v1().files().create(test_support::identity_document(std::string(10 * 1024 * 1024 + 1, 'x'))); },
                 400, "", "the largest upload is 10 MB", "file");
  expect_refused([&] { w.client.v1().files().create(test_support::identity_document("")); }, 400, "", "The file is empty");
  v1::FileCreateParams no_purpose = test_support::identity_document();
  no_purpose.purpose = stripe::v1::FileCreateParams::Purpose(std::string());
  expect_refused([&] { w.client.v1().files().create(no_purpose); }, 400, "parameter_missing", "purpose", "purpose");

  // Any file for other purposes; the list filters by purpose and pages.
  v1::FileCreateParams logo;
  logo.purpose = "business_logo";
  logo.file.data = "GIF89a-not-checked";
  logo.file.name = "logo.gif";
  logo.file.type = "image/gif";
  logo.file_link_data.emplace().create = true;
  auto logo_file = w.client.v1().files().create(logo).value();
  CHECK(logo_file.type == std::string("gif"));
  REQUIRE(logo_file.links);
  REQUIRE(logo_file.links->data.size() == 1);
  v1::FileListParams ids_only;
  ids_only.purpose = "identity_document";
  auto documents = w.client.v1().files().list(ids_only).value();
  REQUIRE(documents.data.size() == 3);
  CHECK(documents.data[0].id == jpeg.id);
  v1::FileListParams one;
  one.limit = 1;
  auto page = w.client.v1().files().list(one).value();
  CHECK(page.data.size() == 1);
  CHECK(page.has_more);
  expect_refused([&] { w.client.v1().files().retrieve("file_nope"); }, 404, "resource_missing", "No such file");
}

TEST_CASE("onboarding surface: a malformed multipart body is a 400 that never quotes it") {
  World w;
  stripe::http::Request r;
  r.method = M::post;
  r.url = "https://files.stripe.com/v1/files";
  r.headers.set("Authorization", "Bearer sk_test_surface_0123456789");
  r.headers.set("Content-Type", "multipart/form-data; boundary=XYZ");
  r.body = "--XYZ\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nidentity_document\r\n--XYZ\r\n"
           "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nPRIVATE-BYTES";  // never closed
  auto resp = w.sim->send(r);
  CHECK(resp.status == 400);
  auto body = nlohmann::json::parse(resp.body);
  CHECK(body["error"]["type"] == "invalid_request_error");
  CHECK(body["error"]["message"].get<std::string>().find("does not end with the boundary") != std::string::npos);
  CHECK(resp.body.find("PRIVATE-BYTES") == std::string::npos);
  r.body = "garbage";
  CHECK(w.sim->send(r).status == 400);
  r.headers.set("Content-Type", "multipart/form-data");  // no boundary
  CHECK(nlohmann::json::parse(w.sim->send(r).body)["error"]["message"].get<std::string>().find("boundary") != std::string::npos);
}

TEST_CASE("onboarding surface: file links for files that may be shared, not identity documents") {
  World w;
  auto file = w.client.v1().files().create(test_support::business_logo()).value();
  v1::FileLinkCreateParams lp;
  lp.file = file.id;
  lp.expires_at = w.sim->now() + 3600;
  auto link = w.client.v1().file_links().create(lp).value();
  CHECK(link.id.rfind("link_", 0) == 0);
  CHECK(link.file.id == file.id);
  CHECK(link.expires_at == w.sim->now() + 3600);
  CHECK_FALSE(link.expired);
  CHECK(test_support::unknown_fields(link.raw, "Stripe.FileLink") == "");
  w.sim->advance_clock(3600);
  CHECK(w.client.v1().file_links().retrieve(link.id)->expired);
  CHECK(w.client.v1().files().retrieve(file.id)->links->data.size() == 1);

  auto doc = w.client.v1().files().create(test_support::identity_document()).value();
  v1::FileLinkCreateParams to_doc;
  to_doc.file = doc.id;
  expect_refused([&] { w.client.v1().file_links().create(to_doc); }, 400, "", "purpose `identity_document`", "file");
  v1::FileLinkCreateParams past;
  past.file = file.id;
  past.expires_at = w.sim->now() - 1;
  expect_refused([&] { w.client.v1().file_links().create(past); }, 400, "", "must be in the future", "expires_at");
  v1::FileLinkCreateParams nothing;
  nothing.file = "file_1SimMissing0000";
  expect_refused([&] { w.client.v1().file_links().create(nothing); }, 400, "resource_missing", "No such file upload", "file");
  expect_refused([&] { w.client.v1().file_links().retrieve("link_nope"); }, 404, "resource_missing", "No such file link");
}

TEST_CASE("onboarding surface: file links are updated (expiry, metadata) and listed by file and expiry") {
  World w;
  auto file = w.client.v1().files().create(test_support::business_logo()).value();
  auto other = w.client.v1().files().create(test_support::business_logo()).value();
  auto links = w.client.v1().file_links();
  v1::FileLinkCreateParams lp;
  lp.file = file.id;
  auto forever = links.create(lp).value();
  auto soon = links.create(lp).value();
  lp.file = other.id;
  auto elsewhere = links.create(lp).value();

  v1::FileLinkUpdateParams tag;
  tag.metadata = std::map<std::string, std::optional<std::string>>{{"shop", "north"}, {"keep", "yes"}};
  CHECK(links.update(forever.id, tag)->metadata == std::map<std::string, std::string>{{"keep", "yes"}, {"shop", "north"}});
  v1::FileLinkUpdateParams untag;  // `metadata[shop]=` removes that key alone
  untag.metadata = std::map<std::string, std::optional<std::string>>{{"shop", ""}};
  CHECK(links.update(forever.id, untag)->metadata == std::map<std::string, std::string>{{"keep", "yes"}});

  v1::FileLinkUpdateParams later;
  later.expires_at = std::int64_t{w.sim->now() + 60};
  CHECK(links.update(soon.id, later)->expires_at == w.sim->now() + 60);
  v1::FileLinkUpdateParams past;
  past.expires_at = std::int64_t{w.sim->now() - 1};
  expect_refused([&] { links.update(soon.id, past); }, 400, "", "in the future", "expires_at");
  v1::FileLinkUpdateParams now;
  now.expires_at = v1::FileLinkUpdateParams::ExpiresAtKeyword("now");
  CHECK(links.update(soon.id, now)->expired);
  expect_refused([&] { links.update(soon.id, tag); }, 400, "", "has expired", "");
  expect_refused([&] { links.update("link_nope", tag); }, 404, "resource_missing", "No such file link");

  auto ids = [](const stripe::List<v1::FileLink>& page) {
    std::vector<std::string> out;
    for (const auto& l : page.data) out.push_back(l.id);
    return out;
  };
  CHECK(ids(links.list().value()) == std::vector<std::string>{elsewhere.id, soon.id, forever.id});
  v1::FileLinkListParams of_file;
  of_file.file = file.id;
  CHECK(ids(links.list(of_file).value()) == std::vector<std::string>{soon.id, forever.id});
  v1::FileLinkListParams expired;
  expired.expired = true;
  CHECK(ids(links.list(expired).value()) == std::vector<std::string>{soon.id});
  expired.expired = false;
  CHECK(ids(links.list(expired).value()) == std::vector<std::string>{elsewhere.id, forever.id});
  std::vector<std::string> walked;
  v1::FileLinkListParams one;
  one.limit = 1;
  for (const auto& l : links.list_all(one)) walked.push_back(l.id);
  CHECK(walked == std::vector<std::string>{elsewhere.id, soon.id, forever.id});
}

TEST_CASE("onboarding surface: account and person tokens apply once") {
  World w;
  v1::TokenCreateParams at;
  auto& acct = at.account.emplace();
  acct.business_type = "company";
  auto& co = acct.company.emplace();
  co.name = "Token Ltd";
  co.phone = "+442079460001";
  acct.tos_shown_and_accepted = true;
  auto token = w.client.v1().tokens().create(at).value();
  CHECK(token.id.rfind("ct_", 0) == 0);
  CHECK(token.type == "account");
  CHECK(test_support::unknown_fields(token.raw, "Stripe.Token") == "");
  v1::AccountCreateParams p;
  p.type = "custom";
  p.country = "GB";
  p.capabilities.emplace().transfers.emplace().requested = true;
  p.account_token = token.id;
  auto a = w.client.v1().accounts().create(p).value();
  CHECK(a.business_type == std::string("company"));
  CHECK(a.company->name == std::string("Token Ltd"));
  CHECK(a.tos_acceptance->date == w.sim->now());
  CHECK_FALSE(contains(a.requirements->currently_due, "company.name"));
  CHECK_FALSE(contains(a.requirements->currently_due, "tos_acceptance.date"));
  CHECK(w.client.v1().tokens().retrieve(token.id)->used);
  expect_refused([&] { w.client.v1().accounts().create(p); }, 400, "token_already_used",
                 "You cannot use a Stripe token more than once: " + token.id, "account_token");

  v1::TokenCreateParams pt;
  auto& person = pt.person.emplace();
  person.first_name = "Tok";
  person.last_name = "En";
  person.relationship.emplace().representative = true;
  auto ptoken = w.client.v1().tokens().create(pt).value();
  CHECK(ptoken.id.rfind("cpt_", 0) == 0);
  v1::PersonCreateParams from_token;
  from_token.person_token = ptoken.id;
  auto created = w.client.v1().persons().create(a.id, from_token).value();
  CHECK(created.first_name == std::string("Tok"));
  CHECK(created.relationship->representative == true);
  CHECK(contains(w.get(a.id).requirements->currently_due, created.id + ".dob.day"));
  expect_refused([&] { w.client.v1().persons().create(a.id, from_token); }, 400, "token_already_used", "more than once");
  v1::PersonCreateParams wrong_kind;
  wrong_kind.person_token = token.id;
  expect_refused([&] { w.client.v1().persons().create(a.id, wrong_kind); }, 400, "", "is of type account", "person_token");
  expect_refused([&] { w.client.v1().tokens().retrieve("ct_nope"); }, 404, "resource_missing", "No such token");
  expect_refused([&] { w.client.v1().tokens().create(v1::TokenCreateParams{}); }, 400, "", "You must supply");
}

TEST_CASE("onboarding surface: login links only for the Express Dashboard") {
  World w;
  v1::AccountCreateParams p;
  p.type = "express";
  p.country = "US";
  auto express = w.client.v1().accounts().create(p).value();
  auto link = w.client.v1().login_links().create(express.id).value();
  CHECK(link.object == "login_link");
  CHECK(link.created == w.sim->now());
  CHECK(link.url.rfind("https://connect.simulator.invalid/express/" + express.id + "/", 0) == 0);
  CHECK(test_support::unknown_fields(link.raw, "Stripe.LoginLink") == "");
  auto custom = w.gb_company();
  expect_refused([&] { w.client.v1().login_links().create(custom.id); }, 400, "", "Express Dashboard");
  v1::AccountCreateParams controlled;
  controlled.country = "US";
  auto& c = controlled.controller.emplace();
  c.stripe_dashboard.emplace().type = "express";
  c.fees.emplace().payer = "application";
  c.losses.emplace().payments = "application";
  auto by_controller = w.client.v1().accounts().create(controlled).value();
  CHECK(w.client.v1().login_links().create(by_controller.id)->object == "login_link");
  expect_refused([&] { w.client.v1().login_links().create("acct_nope"); }, 404, "resource_missing", "No such account");
}

TEST_CASE("onboarding surface: account sessions enable the components asked for, for 30 minutes") {
  World w;
  auto a = w.gb_company();
  v1::AccountSessionCreateParams p;
  p.account = a.id;
  auto& onboarding = p.components.account_onboarding.emplace();
  onboarding.enabled = true;
  onboarding.features.emplace().external_account_collection = true;
  p.components.notification_banner.emplace().enabled = true;
  auto session = w.client.v1().account_sessions().create(p).value();
  CHECK(session.account == a.id);
  CHECK(session.client_secret.rfind("accs_secret__", 0) == 0);
  CHECK(session.expires_at == w.sim->now() + 1800);
  CHECK(session.components.account_onboarding.enabled);
  CHECK(session.components.account_onboarding.features.external_account_collection);
  CHECK(session.components.notification_banner.enabled);
  CHECK_FALSE(session.components.account_management.enabled);
  CHECK_FALSE(session.components.payouts.enabled);
  CHECK(test_support::unknown_fields(session.raw, "Stripe.AccountSession") == "");
  auto again = w.client.v1().account_sessions().create(p).value();
  const bool fresh_secret = again.client_secret != session.client_secret;  // compared, never printed
  CHECK(fresh_secret);

  v1::AccountSessionCreateParams none;
  none.account = a.id;
  none.components.payouts.emplace().enabled = false;
  expect_refused([&] { w.client.v1().account_sessions().create(none); }, 400, "", "at least one component", "components");
  v1::AccountSessionCreateParams nobody = p;
  nobody.account = "acct_nope";
  expect_refused([&] { w.client.v1().account_sessions().create(nobody); }, 400, "resource_missing", "No such account",
                 "account");
}

TEST_CASE("onboarding surface: country specs come from the requirement table") {
  World w;
  auto gb = w.client.v1().country_specs().retrieve("GB").value();
  CHECK(gb.id == "GB");
  CHECK(gb.default_currency == "gbp");
  CHECK(gb.supported_bank_account_currencies.at("gbp") == std::vector<std::string>{"GB"});
  CHECK(contains(gb.verification_fields.company.minimum, "company.directors_provided"));
  CHECK(contains(gb.verification_fields.company.minimum, "external_account"));
  CHECK(contains(gb.verification_fields.company.additional, "representative.verification.document"));
  CHECK(contains(gb.verification_fields.individual.minimum, "individual.first_name"));
  CHECK(contains(gb.verification_fields.individual.additional, "individual.verification.document"));
  CHECK(test_support::unknown_fields(gb.raw, "Stripe.CountrySpec") == "");
  auto us = w.client.v1().country_specs().retrieve("US").value();
  CHECK(contains(us.verification_fields.individual.additional, "individual.political_exposure"));
  auto all = w.client.v1().country_specs().list().value();
  REQUIRE(all.data.size() == 6);
  CHECK(all.data[0].id == "DE");
  v1::CountrySpecListParams two;
  two.limit = 2;
  two.starting_after = "FR";
  auto page = w.client.v1().country_specs().list(two).value();
  REQUIRE(page.data.size() == 2);
  CHECK(page.data[0].id == "GB");
  CHECK(page.data[1].id == "JP");
  CHECK(page.has_more);
  expect_refused([&] { w.client.v1().country_specs().retrieve("XX"); }, 404, "resource_missing", "No such country_spec");
}

TEST_CASE("onboarding surface: unreject undoes the platform's reject only, GET /v1/account is the platform") {
  World w;
  auto a = w.gb_company();
  expect_refused([&] { w.client.v1().accounts().unreject(a.id); }, 400, "", "is not rejected");
  v1::AccountRejectParams r;
  r.reason = "fraud_other";
  CHECK(w.client.v1().accounts().reject(a.id, r)->requirements->disabled_reason == std::string("rejected.platform_fraud"));
  auto back = w.client.v1().accounts().unreject(a.id).value();
  CHECK(back.requirements->disabled_reason != std::string("rejected.platform_fraud"));
  CHECK(back.capabilities.at("transfers") == "inactive");  // requirements still due, but not rejected
  w.sim->reject_account(a.id, "fraud");
  expect_refused([&] { w.client.v1().accounts().unreject(a.id); }, 400, "", "only a rejection by your platform");

  auto me = w.client.v1().accounts().retrieve_current().value();
  CHECK(me.id == "acct_1SimPlatform00000");
  CHECK(me.charges_enabled);
  CHECK(me.payouts_enabled);
  CHECK(me.country == std::string("US"));
  CHECK(test_support::unknown_fields(me.raw, "Stripe.Account") == "");
}

TEST_CASE("onboarding surface: a newer representative replaces the one before") {
  World w;
  auto a = w.gb_company();
  auto first = w.client.v1().persons().create(a.id, test_support::gb_representative("file_identity_document_success")).value();
  CHECK(first.relationship->representative == true);
  CHECK_FALSE(contains(w.get(a.id).requirements->currently_due, first.id + ".first_name"));
  v1::PersonCreateParams next;
  next.first_name = "Noor";
  next.relationship.emplace().representative = true;
  auto second = w.client.v1().persons().create(a.id, next).value();
  auto account = w.get(a.id);
  CHECK(contains(account.requirements->currently_due, second.id + ".last_name"));  // the new one's details are due
  CHECK_FALSE(contains(account.requirements->currently_due, second.id + ".first_name"));
  CHECK_FALSE(contains(account.requirements->currently_due, first.id + ".last_name"));
  auto before = w.client.v1().persons().retrieve(a.id, first.id).value();
  CHECK(before.relationship->representative == false);
  CHECK(before.requirements->currently_due.empty());  // only the representative has requirements here
}

TEST_CASE("onboarding surface: an upload retried with its idempotency key is one file") {
  World w;
  stripe::RequestOptions ro;
  ro.idempotency_key = "upload-passport-1";
  auto first = w.client.v1().files().create(test_support::identity_document(), ro);
  auto again = w.client.v1().files().create(test_support::identity_document(), ro);
  CHECK(again->id == first->id);
  CHECK(again.response().headers.get("Idempotent-Replayed").value_or("") == "true");
  CHECK(w.client.v1().files().list()->data.size() == 1);
  // A different file with the same key is the API's idempotency error.
  CHECK_THROWS_AS(w.client.v1().files().create(test_support::identity_document("%PDF-1.4 other"), ro),
                  stripe::IdempotencyError);
}

TEST_CASE("onboarding surface: cards and wrong hashes are refused as external accounts") {
  World w;
  auto a = w.gb_company();
  expect_refused([&] { w.client.raw_request(M::post, "/v1/accounts/" + a.id + "/external_accounts",
                                            {{"external_account", "tok_visa_debit"}}); },
                 400, "", "bank accounts only", "external_account");
  expect_refused([&] { w.client.raw_request(M::post, "/v1/accounts/" + a.id + "/external_accounts",
                                            {{"external_account", {{"country", "GB"}, {"account_number", "00012345"}}}}); },
                 400, "parameter_missing", "external_account[object]", "external_account[object]");
  expect_refused([&] { w.client.raw_request(M::post, "/v1/accounts/" + a.id + "/external_accounts",
                                            {{"external_account", {{"object", "bank_account"}, {"account_number", "00012345"}}}}); },
                 400, "parameter_missing", "external_account[country]", "external_account[country]");
  expect_refused([&] { w.client.raw_request(M::post, "/v1/accounts/" + a.id + "/external_accounts", nlohmann::ordered_json::object()); },
                 400, "parameter_missing", "external_account", "external_account");
  CHECK(w.client.v1().external_accounts().list(a.id)->data.empty());
  CHECK(contains(w.get(a.id).requirements->currently_due, "external_account"));
}

TEST_CASE("onboarding surface: an uploaded file as an individual's document is pending, then verified") {
  World w;
  auto a = w.custom("GB", "individual");
  CHECK(contains(a.requirements->eventually_due, "individual.verification.document"));
  auto file = w.client.v1().files().create(test_support::identity_document()).value();
  v1::AccountUpdateParams u;
  u.individual.emplace().verification = nlohmann::json{{"document", {{"front", file.id}}}};
  auto pending = w.client.v1().accounts().update(a.id, u).value();
  CHECK(contains(pending.requirements->pending_verification, "individual.verification.document"));
  CHECK_FALSE(contains(pending.requirements->eventually_due, "individual.verification.document"));
  w.sim->advance_clock(60);
  CHECK_FALSE(contains(w.get(a.id).requirements->pending_verification, "individual.verification.document"));
  CHECK_FALSE(contains(w.get(a.id).requirements->eventually_due, "individual.verification.document"));

  v1::AccountUpdateParams ghost;
  ghost.individual.emplace().verification = nlohmann::json{{"document", {{"back", "file_1SimNeverUploaded"}}}};
  expect_refused([&] { w.client.v1().accounts().update(a.id, ghost); }, 400, "resource_missing", "No such file upload",
                 "individual[verification][document][back]");
}
