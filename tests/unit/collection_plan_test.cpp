// The collection plan over recorded accounts (tests/data/fixtures/v1_plan_*.json; ids and values
// are made up): groups in order, each field's requirement, target, wire key, due-ness,
// errors and alternatives; answers applied to the exact encoded params, validation naming the
// field; and a GB company onboarded on the simulator from its plan alone.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "stripe/connect.hpp"
#include "stripe/onboarding/apply_answers.hpp"
#include "stripe/onboarding/apply_v2_answers.hpp"
#include "stripe/onboarding/collection_plan.hpp"
#include "stripe/testing/simulator.hpp"
#include "support/company_onboarding.hpp"
#include "support/fixtures.hpp"

namespace ob = stripe::onboarding;
namespace v1 = stripe::v1;

namespace {

v1::Account account_fixture(const std::string& name) { return stripe::decode<v1::Account>(test_support::fixture(name)); }

std::vector<v1::Person> persons_fixture(const std::string& name) {
  std::vector<v1::Person> out;
  const auto list = test_support::fixture(name);  // kept: a loop over a temporary's member would dangle
  for (const auto& p : list.at("data")) out.push_back(stripe::decode<v1::Person>(p));
  return out;
}

// One line per field: group title | requirement | target kind:person:role | wire key | type | due | deadline.
std::vector<std::string> lines(const ob::CollectionPlan& plan) {
  std::vector<std::string> out;
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields)
      out.push_back(g.title + " | " + f.requirement + " | " + ob::to_string(f.target.kind) + ":" + f.target.person + ":" +
                    f.target.role + " | " + f.wire_key + " | " + ob::to_string(f.type) + " | " + ob::to_string(f.due) +
                    " | " + (f.deadline ? std::to_string(*f.deadline) : std::string("-")));
  return out;
}

std::vector<std::string> titles(const ob::CollectionPlan& plan) {
  std::vector<std::string> out;
  for (const auto& g : plan.groups) out.push_back(g.title);
  return out;
}

// Errors as code | reason | requirement, alternatives as alternative -> original.
std::vector<std::string> errors_of(const ob::PlanField& f) {
  std::vector<std::string> out;
  for (const auto& e : f.errors) out.push_back(e.code + " | " + e.reason + " | " + e.requirement);
  return out;
}
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
std::vector<std::string> alternatives_of(const ob::PlanField& f) {
  std::vector<std::string> out;
  for (const auto& a : f.alternatives) out.push_back(join(a.alternative_fields_due) + " -> " + join(a.original_fields_due));
  return out;
}

const ob::PlanField& field(const ob::CollectionPlan& plan, const std::string& requirement) {
  const ob::PlanField* f = plan.find(requirement);
  if (!f) throw std::runtime_error("not in the plan: " + requirement);
  return *f;
}

template <class P>
std::string wire(const P& params) {
  return stripe::form_encode(stripe::encode_params(params));
}

bool ends_with_postal(const std::string& requirement) {
  const std::string tail = "postal_code";
  return requirement.size() >= tail.size() && requirement.compare(requirement.size() - tail.size(), tail.size(), tail) == 0;
}

// The single problem validate_answers finds, as param | code.
std::string problem(const ob::CollectionPlan& plan, const ob::Answers& answers) {
  auto problems = ob::validate_answers(plan, answers);
  if (problems.size() != 1) return std::to_string(problems.size()) + " problems";
  return problems[0].param() + " | " + problems[0].code();
}

}  // namespace

TEST_CASE("collection plan: an individual, up front, every group in order with its fields") {
  const auto account = account_fixture("v1_plan_individual.json");
  const auto plan = ob::collection_plan(account, {}, ob::Strategy::up_front);
  CHECK(plan.account == "acct_1PlanIndividual0001");
  CHECK(plan.country == "US");
  CHECK(plan.business_type == "individual");
  CHECK(titles(plan) == std::vector<std::string>{"Business details", "Personal details", "Bank account", "Terms of service",
                                                 "Documents"});
  CHECK(lines(plan) ==
        std::vector<std::string>{
            "Business details | business_profile.url | account:: | business_profile[url] | url | currently_due | -",
            "Business details | business_profile.mcc | account:: | business_profile[mcc] | four_digits | currently_due | -",
            "Personal details | individual.first_name | account:: | individual[first_name] | text | currently_due | -",
            "Personal details | individual.last_name | account:: | individual[last_name] | text | currently_due | -",
            "Personal details | individual.dob.day | account:: | individual[dob][day] | day | currently_due | -",
            "Personal details | individual.dob.month | account:: | individual[dob][month] | month | currently_due | -",
            "Personal details | individual.dob.year | account:: | individual[dob][year] | year | currently_due | -",
            "Personal details | individual.address.postal_code | account:: | individual[address][postal_code] | text | "
            "currently_due | -",
            "Personal details | individual.id_number | account:: | individual[id_number] | text | eventually_due | -",
            "Personal details | individual.ssn_last_4 | account:: | individual[ssn_last_4] | four_digits | currently_due | -",
            "Personal details | individual.political_exposure | account:: | individual[political_exposure] | enumeration | "
            "currently_due | -",
            "Bank account | external_account | external_account:: | external_account | bank_account | currently_due | -",
            "Terms of service | tos_acceptance.date | account:: | tos_acceptance[date] | unix_time | currently_due | -",
            "Terms of service | tos_acceptance.ip | account:: | tos_acceptance[ip] | ip_address | currently_due | -",
            "Documents | individual.verification.document | file_upload:: | individual[verification][document][front] | file | "
            "eventually_due | -",
        });
  const auto& pe = field(plan, "individual.political_exposure");
  CHECK(pe.allowed_values == std::vector<std::string>{"existing", "none"});
  CHECK(pe.allowed_values_source == "stripe::v1::PersonCreateParams::PoliticalExposure::known_values");
  CHECK(pe.params == "stripe::v1::AccountUpdateParams");
  CHECK(pe.member == "individual->political_exposure");
  CHECK(pe.label == "Political exposure");
  const auto& dob = field(plan, "individual.dob.day");
  CHECK(dob.member == "individual->dob->day");
  CHECK(dob.label == "Day of birth");
  CHECK(dob.description == "Day of the month of the date of birth.");
  const auto& doc = field(plan, "individual.verification.document");
  CHECK(doc.file_purpose == "identity_document");
  CHECK(doc.member == "individual->verification->document->front");
  CHECK(field(plan, "external_account").params == "stripe::v1::ExternalAccountCreateParams");
  CHECK(plan.size() == 15);
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields) {
      INFO(f.requirement);
      CHECK(f.known());
      CHECK(f.errors.empty());
      CHECK(f.alternatives.empty());
    }
}

TEST_CASE("collection plan: incremental leaves eventually_due out") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_individual.json"), {}, ob::Strategy::incremental);
  CHECK(plan.strategy == ob::Strategy::incremental);
  CHECK(titles(plan) == std::vector<std::string>{"Business details", "Personal details", "Bank account", "Terms of service"});
  CHECK(plan.size() == 13);
  CHECK(plan.find("individual.id_number") == nullptr);
  CHECK(plan.find("individual.verification.document") == nullptr);
  CHECK(plan.find("individual.ssn_last_4") != nullptr);
}

TEST_CASE("collection plan: a company's people by id, grouped by their relationship, declarations after them") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_company.json"), persons_fixture("v1_plan_company_persons.json"),
                                        ob::Strategy::up_front);
  CHECK(plan.business_type == "company");
  CHECK(titles(plan) == std::vector<std::string>{"Business details", "Representative", "Owners", "Directors", "Executives",
                                                 "Documents"});
  const std::string rep = "person:person_1PlanRep00000001:", a = "person:person_1PlanOwnerA00001:",
                    b = "person:person_1PlanOwnerB00001:", d = "person:person_1PlanDirector0001:";
  CHECK(lines(plan) ==
        std::vector<std::string>{
            "Business details | company.tax_id | account:: | company[tax_id] | text | currently_due | 1767225600",
            "Representative | person_1PlanRep00000001.phone | " + rep + " | phone | phone | currently_due | 1767225600",
            "Representative | person_1PlanRep00000001.address.city | " + rep +
                " | address[city] | text | currently_due | 1767225600",
            "Representative | person_1PlanRep00000001.relationship.title | " + rep +
                " | relationship[title] | text | currently_due | 1767225600",
            "Owners | person_1PlanOwnerA00001.email | " + a + " | email | email | currently_due | 1767225600",
            "Owners | person_1PlanOwnerA00001.dob.day | " + a + " | dob[day] | day | currently_due | 1767225600",
            "Owners | person_1PlanOwnerA00001.dob.month | " + a + " | dob[month] | month | currently_due | 1767225600",
            "Owners | person_1PlanOwnerA00001.dob.year | " + a + " | dob[year] | year | currently_due | 1767225600",
            "Owners | person_1PlanOwnerB00001.first_name | " + b + " | first_name | text | currently_due | 1767225600",
            "Owners | person_1PlanOwnerB00001.last_name | " + b + " | last_name | text | currently_due | 1767225600",
            "Owners | company.owners_provided | account:: | company[owners_provided] | boolean | currently_due | 1767225600",
            "Directors | person_1PlanDirector0001.first_name | " + d + " | first_name | text | currently_due | 1767225600",
            "Directors | company.directors_provided | account:: | company[directors_provided] | boolean | currently_due | "
            "1767225600",
            "Executives | executives.first_name | new_person::executive | first_name | text | currently_due | 1767225600",
            "Executives | executives.last_name | new_person::executive | last_name | text | currently_due | 1767225600",
            "Executives | company.executives_provided | account:: | company[executives_provided] | boolean | currently_due | "
            "1767225600",
            "Documents | person_1PlanOwnerA00001.verification.document | file_upload:person_1PlanOwnerA00001: | "
            "verification[document][front] | file | eventually_due | -",
            "Documents | person_1PlanRep00000001.verification.document | file_upload:person_1PlanRep00000001: | "
            "verification[document][front] | file | eventually_due | -",
        });
  CHECK(field(plan, "person_1PlanOwnerA00001.dob.day").params == "stripe::v1::PersonCreateParams");
  CHECK(field(plan, "person_1PlanOwnerA00001.dob.day").member == "dob->day");
  CHECK(field(plan, "company.owners_provided").member == "company->owners_provided");
  CHECK(plan.find("company.name") == nullptr);  // pending verification is not asked for
}

TEST_CASE("collection plan: past due fields carry the deadline and the verification errors about them") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_past_due.json"), {}, ob::Strategy::incremental);
  CHECK(lines(plan) ==
        std::vector<std::string>{
            "Business details | business_profile.url | account:: | business_profile[url] | url | currently_due | 1764547200",
            "Business details | company.tax_id | account:: | company[tax_id] | text | past_due | 1764547200",
            "Terms of service | tos_acceptance.ip | account:: | tos_acceptance[ip] | ip_address | currently_due | 1764547200",
            "Documents | person_1PastRep00000001.verification.document | file_upload:person_1PastRep00000001: | "
            "verification[document][front] | file | past_due | 1764547200",
        });
  CHECK(errors_of(field(plan, "company.tax_id")) ==
        std::vector<std::string>{"invalid_tax_id | The tax ID you provided does not match the company name. | company.tax_id"});
  CHECK(errors_of(field(plan, "person_1PastRep00000001.verification.document")) ==
        std::vector<std::string>{"verification_document_expired | The document has expired. Upload a valid identity document. | "
                                 "person_1PastRep00000001.verification.document"});
  CHECK(errors_of(field(plan, "business_profile.url")) ==
        std::vector<std::string>{"invalid_url_website_inaccessible | The website could not be reached. | business_profile.url"});
  CHECK(field(plan, "tos_acceptance.ip").errors.empty());
  CHECK(ob::account_state(account_fixture("v1_plan_past_due.json")) == ob::AccountState::restricted_past_due);
}

TEST_CASE("collection plan: alternatives that would also satisfy a field") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_alternatives.json"), {}, ob::Strategy::up_front);
  CHECK(lines(plan) ==
        std::vector<std::string>{
            "Personal details | individual.phone | account:: | individual[phone] | phone | eventually_due | -",
            "Personal details | individual.address.line1 | account:: | individual[address][line1] | text | currently_due | "
            "1767225600",
            "Personal details | individual.id_number | account:: | individual[id_number] | text | currently_due | 1767225600",
        });
  CHECK(alternatives_of(field(plan, "individual.id_number")) ==
        std::vector<std::string>{"individual.verification.document -> individual.id_number",
                                 "individual.verification.additional_document -> individual.address.line1,individual.id_number"});
  CHECK(alternatives_of(field(plan, "individual.address.line1")) ==
        std::vector<std::string>{"individual.verification.additional_document -> individual.address.line1,individual.id_number"});
  CHECK(field(plan, "individual.phone").alternatives.empty());
}

TEST_CASE("collection plan: requirements the SDK does not know are kept in other, raw") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_unknown.json"), {}, ob::Strategy::incremental);
  CHECK(lines(plan) ==
        std::vector<std::string>{
            "Business details | business_profile.url | account:: | business_profile[url] | url | currently_due | -",
            "Other | person_1Ghost000000001.favourite_colour | person:person_1Ghost000000001: |  | unknown | currently_due | -",
            "Other | business_profile.annual_revenue.amount | unknown:: |  | unknown | currently_due | -",
            "Other | company.quantum_registry_id | unknown:: |  | unknown | currently_due | -",
            "Other | individual.relationship.title | account:: |  | unknown | currently_due | -",
            "Other | settings.payments.statement_descriptor | unknown:: |  | unknown | currently_due | -",
        });
  const auto& other = field(plan, "company.quantum_registry_id");
  CHECK_FALSE(other.known());
  CHECK(other.label == "company.quantum_registry_id");
  CHECK(other.params.empty());
  CHECK(errors_of(other) ==
        std::vector<std::string>{"invalid_value_other | The registry did not recognise this id. | company.quantum_registry_id"});
  // Answering one is refused, naming it: the SDK has no parameter to put it in.
  CHECK(problem(plan, {{"settings.payments.statement_descriptor", "ROCKET"}}) ==
        "settings.payments.statement_descriptor | parameter_unknown");
}

TEST_CASE("apply answers: an individual's answers become one account update, a bank account and an upload to make") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_individual.json"), {}, ob::Strategy::up_front);
  const ob::Answers answers = {
      {"business_profile.url", "https://jenny.example"}, {"business_profile.mcc", "5734"},
      {"individual.first_name", "Jenny"},               {"individual.last_name", "Rosen"},
      {"individual.dob.day", "29"},                     {"individual.dob.month", "2"},
      {"individual.dob.year", "1984"},                  {"individual.address.postal_code", "94103-1234"},
      {"individual.ssn_last_4", "0000"},                {"individual.political_exposure", "none"},
      {"external_account", "btok_us_verified"},         {"tos_acceptance.date", "1764547200"},
      {"tos_acceptance.ip", "203.0.113.9"},
  };
  CHECK(ob::validate_answers(plan, answers).empty());
  const auto applied = ob::apply_answers(plan, answers);
  CHECK(applied.updates_account);
  CHECK(wire(applied.account) ==
        "business_profile[mcc]=5734&business_profile[url]=https%3A%2F%2Fjenny.example"
        "&individual[address][postal_code]=94103-1234&individual[dob][day]=29&individual[dob][month]=2"
        "&individual[dob][year]=1984&individual[first_name]=Jenny&individual[last_name]=Rosen"
        "&individual[political_exposure]=none&individual[ssn_last_4]=0000"
        "&tos_acceptance[date]=1764547200&tos_acceptance[ip]=203.0.113.9");
  REQUIRE(applied.external_accounts.size() == 1);
  CHECK(wire(applied.external_accounts[0]) == "external_account=btok_us_verified");
  CHECK(applied.persons.empty());
  REQUIRE(applied.uploads_needed.size() == 1);
  CHECK(applied.uploads_needed[0].requirement == "individual.verification.document");
  CHECK(applied.uploads_needed[0].purpose == "identity_document");

  // With the uploaded file's id the document goes on the individual too.
  auto with_document = answers;
  with_document["individual.verification.document"] = "file_1JennyPassport";
  const auto documented = ob::apply_answers(plan, with_document);
  CHECK(documented.uploads_needed.empty());
  CHECK(wire(documented.account).find("&individual[ssn_last_4]=0000&individual[verification][document][front]=file_1JennyPassport&") !=
        std::string::npos);
}

TEST_CASE("apply answers: a bank account from its details instead of a token") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_individual.json"), {}, ob::Strategy::incremental);
  const ob::Answers details = {{"external_account.account_holder_name", "Jenny Rosen"},
                               {"external_account.account_number", "000123456789"},
                               {"external_account.routing_number", "110000000"},
                               {"external_account.country", "US"},
                               {"external_account.currency", "usd"}};
  const auto applied = ob::apply_answers(plan, details);
  CHECK_FALSE(applied.updates_account);
  REQUIRE(applied.external_accounts.size() == 1);
  CHECK(wire(applied.external_accounts[0]) ==
        "external_account[object]=bank_account&external_account[account_holder_name]=Jenny%20Rosen"
        "&external_account[account_number]=000123456789&external_account[country]=US&external_account[currency]=usd"
        "&external_account[routing_number]=110000000");
  auto with = [&details](const std::string& key, const std::string& value) {
    auto a = details;
    a[key] = value;
    return a;
  };
  auto without = [&details](const std::string& key) {
    auto a = details;
    a.erase(key);
    return a;
  };
  CHECK(problem(plan, with("external_account", "btok_us_verified")) == "external_account | parameter_invalid");
  CHECK(problem(plan, without("external_account.country")) == "external_account.country | parameter_missing");
  CHECK(problem(plan, without("external_account.account_number")) == "external_account.account_number | parameter_missing");
  CHECK(problem(plan, with("external_account.currency", "USD")) == "external_account.currency | parameter_invalid");
  CHECK(problem(plan, with("external_account.country", "usa")) == "external_account.country | parameter_invalid");
  // Without external_account in the plan the details are not asked for.
  const auto no_bank = ob::collection_plan(account_fixture("v1_plan_alternatives.json"), {}, ob::Strategy::incremental);
  CHECK(problem(no_bank, {{"external_account.country", "US"}}) == "external_account.country | parameter_unknown");
}

TEST_CASE("apply answers: a company's answers become person updates by id, a created executive and the declarations") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_company.json"), persons_fixture("v1_plan_company_persons.json"),
                                        ob::Strategy::up_front);
  const ob::Answers answers = {
      {"company.tax_id", "GB123456789"},
      {"person_1PlanRep00000001.phone", "+447700900000"},
      {"person_1PlanRep00000001.address.city", "London"},
      {"person_1PlanRep00000001.relationship.title", "Director"},
      {"person_1PlanRep00000001.verification.document", "file_1RepPassport"},
      {"person_1PlanOwnerA00001.email", "kai@widgets.example"},
      {"person_1PlanOwnerA00001.dob.day", "1"},
      {"person_1PlanOwnerA00001.dob.month", "2"},
      {"person_1PlanOwnerA00001.dob.year", "1980"},
      {"person_1PlanOwnerB00001.first_name", "Lee"},
      {"person_1PlanOwnerB00001.last_name", "Owner"},
      {"person_1PlanDirector0001.first_name", "Dana"},
      {"executives.first_name", "Ada"},
      {"executives.last_name", "Exec"},
      {"company.owners_provided", "true"},
      {"company.directors_provided", "true"},
      {"company.executives_provided", "false"},
  };
  const auto applied = ob::apply_answers(plan, answers);
  REQUIRE(applied.persons.size() == 5);
  CHECK(applied.persons[0].person == "person_1PlanRep00000001");
  CHECK(wire(applied.persons[0].params) ==
        "address[city]=London&phone=%2B447700900000&relationship[title]=Director&verification[document][front]=file_1RepPassport");
  CHECK(applied.persons[1].person == "person_1PlanOwnerA00001");
  CHECK(wire(applied.persons[1].params) == "dob[day]=1&dob[month]=2&dob[year]=1980&email=kai%40widgets.example");
  CHECK(applied.persons[2].person == "person_1PlanOwnerB00001");
  CHECK(wire(applied.persons[2].params) == "first_name=Lee&last_name=Owner");
  CHECK(applied.persons[3].person == "person_1PlanDirector0001");
  CHECK(wire(applied.persons[3].params) == "first_name=Dana");
  CHECK(applied.persons[4].creates());
  CHECK(applied.persons[4].role == "executive");
  CHECK(wire(applied.persons[4].params) == "first_name=Ada&last_name=Exec&relationship[executive]=true");
  CHECK(applied.updates_account);
  CHECK(wire(applied.account) ==
        "company[directors_provided]=true&company[executives_provided]=false&company[owners_provided]=true"
        "&company[tax_id]=GB123456789");
  CHECK(applied.external_accounts.empty());
  REQUIRE(applied.uploads_needed.size() == 1);
  CHECK(applied.uploads_needed[0].requirement == "person_1PlanOwnerA00001.verification.document");
  CHECK(applied.uploads_needed[0].purpose == "identity_document");
  CHECK(applied.uploads_needed[0].target.person == "person_1PlanOwnerA00001");
}

TEST_CASE("apply answers: validation names the field and says what is wrong") {
  const auto plan = ob::collection_plan(account_fixture("v1_plan_individual.json"), {}, ob::Strategy::up_front);
  const ob::Answers dob = {{"individual.dob.day", "29"}, {"individual.dob.month", "2"}, {"individual.dob.year", "1984"}};
  auto with = [&dob](const std::string& key, const std::string& value) {
    auto a = dob;
    a[key] = value;
    return a;
  };
  CHECK(ob::validate_answers(plan, dob).empty());  // 1984 is a leap year
  CHECK(problem(plan, with("individual.dob.year", "1983")) == "individual.dob.day | parameter_invalid");  // no 29 February
  CHECK(problem(plan, with("individual.dob.day", "32")) == "individual.dob.day | parameter_invalid");
  CHECK(problem(plan, with("individual.dob.month", "13")) == "individual.dob.month | parameter_invalid");
  CHECK(problem(plan, with("individual.dob.year", "84")) == "individual.dob.year | parameter_invalid");
  CHECK(problem(plan, {{"individual.dob.day", "14"}, {"individual.dob.year", "1984"}}) ==
        "individual.dob.month | parameter_missing");
  CHECK(problem(plan, {{"individual.dob.month", "2"}, {"individual.dob.year", "1984"}}) ==
        "individual.dob.day | parameter_missing");
  CHECK(problem(plan, {{"individual.address.postal_code", "EC1A 1BB"}}) ==
        "individual.address.postal_code | parameter_invalid");  // a US account: ZIP codes only
  CHECK(problem(plan, {{"individual.political_exposure", "maybe"}}) == "individual.political_exposure | parameter_invalid");
  CHECK(problem(plan, {{"individual.first_name", ""}}) == "individual.first_name | parameter_invalid_empty");
  CHECK(problem(plan, {{"individual.ssn_last_4", "12a4"}}) == "individual.ssn_last_4 | parameter_invalid");
  CHECK(problem(plan, {{"business_profile.mcc", "57"}}) == "business_profile.mcc | parameter_invalid");
  CHECK(problem(plan, {{"business_profile.url", "jenny.example"}}) == "business_profile.url | parameter_invalid");
  CHECK(problem(plan, {{"tos_acceptance.ip", "300.1.1.1"}}) == "tos_acceptance.ip | parameter_invalid");
  CHECK(problem(plan, {{"tos_acceptance.ip", "2001:db8::1"}}) == "0 problems");
  CHECK(problem(plan, {{"tos_acceptance.date", "yesterday"}}) == "tos_acceptance.date | parameter_invalid");
  CHECK(problem(plan, {{"external_account", "000123456789"}}) == "external_account | parameter_invalid");
  CHECK(problem(plan, {{"individual.verification.document", "passport.png"}}) ==
        "individual.verification.document | parameter_invalid");
  CHECK(problem(plan, {{"company.name", "Widgets Ltd"}}) == "company.name | parameter_unknown");  // not in the plan

  // The message lists the allowed values; apply_answers throws the same error.
  const auto problems = ob::validate_answers(plan, {{"individual.political_exposure", "maybe"}});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message() == "individual.political_exposure: Political exposure must be one of existing, none");
  try {
    ob::apply_answers(plan, with("individual.dob.year", "1983"));
    FAIL("expected an InvalidParamsError");
  } catch (const stripe::InvalidParamsError& e) {
    CHECK(e.param() == "individual.dob.day");
    CHECK(e.message() == "individual.dob.day: there is no day 29 in month 2 of 1983");
    CHECK(e.http_status() == 0);  // refused before anything was sent
  }
}

namespace {

struct SimWorld {
  std::shared_ptr<stripe::testing::Simulator> sim = std::make_shared<stripe::testing::Simulator>();
  stripe::Client client = make();
  stripe::Client make() {
    stripe::ClientOptions o;
    o.secret_key = "sk_test_plan_0123456789";
    o.transport = sim;
    o.retry.max_retries = 0;
    o.sleep = [](std::chrono::milliseconds) {};
    return stripe::Client(o);
  }
  ob::CollectionPlan plan(const std::string& account, ob::Strategy strategy) {
    auto a = client.v1().accounts().retrieve(account).value();
    std::vector<v1::Person> persons;
    for (const auto& p : client.v1().persons().list_all(account)) persons.push_back(p);
    return ob::collection_plan(a, persons, strategy);
  }
};

std::vector<std::string> requirements_of(const ob::CollectionPlan& plan) {
  std::vector<std::string> out;
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields) out.push_back(f.requirement);
  return out;
}

}  // namespace

TEST_CASE("collection plan on the simulator: a GB company answers every field and has nothing currently due") {
  SimWorld w;
  v1::AccountCreateParams create;
  create.type = "custom";
  create.country = "GB";
  create.business_type = "company";
  create.capabilities.emplace().card_payments.emplace().requested = true;
  create.capabilities->transfers.emplace().requested = true;
  const auto account = w.client.v1().accounts().create(create).value().id;

  const auto plan = w.plan(account, ob::Strategy::up_front);
  CHECK(titles(plan) == std::vector<std::string>{"Business details", "Representative", "Owners", "Directors", "Bank account",
                                                 "Terms of service", "Documents"});
  CHECK(requirements_of(plan) ==
        std::vector<std::string>{"business_profile.url", "business_profile.mcc", "company.name", "company.phone",
                                 "company.tax_id", "company.address.line1", "company.address.city",
                                 "company.address.postal_code", "representative.first_name", "representative.last_name",
                                 "representative.email", "representative.dob.day", "representative.dob.month",
                                 "representative.dob.year", "representative.address.line1",
                                 "representative.relationship.title", "company.owners_provided",
                                 "company.directors_provided", "external_account", "tos_acceptance.date",
                                 "tos_acceptance.ip", "representative.verification.document"});
  CHECK(field(plan, "representative.first_name").target.kind == ob::TargetKind::new_person);
  CHECK(field(plan, "representative.first_name").target.role == "representative");
  CHECK(field(plan, "representative.verification.document").due == ob::Due::eventually_due);

  // The document is uploaded first; its file id is the answer.
  const auto document = w.client.v1().files().create(test_support::identity_document()).value().id;
  const ob::Answers answers = {
      {"business_profile.url", "https://widgets.example"}, {"business_profile.mcc", "5734"},
      {"company.name", "Widgets Ltd"},                      {"company.phone", "+442079460000"},
      {"company.tax_id", "GB123456789"},                    {"company.address.line1", "1 High Street"},
      {"company.address.city", "London"},                   {"company.address.postal_code", "EC1A 1BB"},
      {"representative.first_name", "Jenny"},               {"representative.last_name", "Rosen"},
      {"representative.email", "jenny@widgets.example"},   {"representative.dob.day", "1"},
      {"representative.dob.month", "2"},                    {"representative.dob.year", "1980"},
      {"representative.address.line1", "2 Low Street"},     {"representative.relationship.title", "Director"},
      {"company.owners_provided", "true"},                  {"company.directors_provided", "true"},
      {"external_account", "btok_gb"},                      {"tos_acceptance.date", std::to_string(w.sim->now())},
      {"tos_acceptance.ip", "203.0.113.9"},                 {"representative.verification.document", document},
  };
  REQUIRE(answers.size() == plan.size());  // every field answered
  const auto applied = ob::apply_answers(plan, answers);
  CHECK(applied.uploads_needed.empty());
  REQUIRE(applied.persons.size() == 1);
  CHECK(applied.persons[0].creates());
  const auto after = ob::submit_answers(w.client, account, applied).value();
  REQUIRE(after.requirements);
  CHECK(after.requirements->currently_due->empty());
  CHECK(after.requirements->eventually_due->empty());
  CHECK(ob::collection_plan(after, {}, ob::Strategy::up_front).empty());

  w.sim->advance_clock(60);  // the verifications finish
  const auto complete = w.client.v1().accounts().retrieve(account).value();
  CHECK(ob::account_state(complete) == ob::AccountState::complete);
}

namespace {

stripe::v2::core::Account v2_account_fixture(const std::string& name) {
  return stripe::decode<stripe::v2::core::Account>(test_support::fixture(name));
}

// One line per v2 field: group | requirement | target kind:person:role | params | member | wire key | type | due.
std::vector<std::string> v2_lines(const ob::CollectionPlan& plan) {
  std::vector<std::string> out;
  for (const auto& g : plan.groups)
    for (const auto& f : g.fields)
      out.push_back(g.title + " | " + f.requirement + " | " + ob::to_string(f.target.kind) + ":" + f.target.person + ":" +
                    f.target.role + " | " + f.params + " | " + f.member + " | " + f.wire_key + " | " +
                    ob::to_string(f.type) + (f.id_number_type.empty() ? "" : "=" + f.id_number_type) + " | " +
                    ob::to_string(f.due));
  return out;
}

template <class P>
std::string json_of(const P& params) {
  return stripe::encode_params(params).dump();
}

}  // namespace

TEST_CASE("collection plan v2: entries in the simulator's names and the v2 API's own name their v2 params") {
  const auto plan = ob::collection_plan(v2_account_fixture("v2_plan_company.json"), ob::Strategy::up_front);
  CHECK(plan.v2);
  CHECK(v2_lines(plan) == std::vector<std::string>{
      "Business details | defaults.profile.business_url | account:: | stripe::v2::core::AccountUpdateParams | defaults->profile->business_url | defaults.profile.business_url | url | eventually_due",
      "Business details | company.name | account:: | stripe::v2::core::AccountUpdateParams | identity->business_details->registered_name | identity.business_details.registered_name | text | currently_due",
      "Business details | identity.business_details.phone | account:: | stripe::v2::core::AccountUpdateParams | identity->business_details->phone | identity.business_details.phone | phone | currently_due",
      "Business details | identity.business_details.id_numbers | account:: | stripe::v2::core::AccountUpdateParams | identity->business_details->id_numbers | identity.business_details.id_numbers | text=us_ein | currently_due",
      "Business details | company.address.postal_code | account:: | stripe::v2::core::AccountUpdateParams | identity->business_details->address->postal_code | identity.business_details.address.postal_code | text | currently_due",
      "Representative | representative.first_name | person:person_1V2PlanRep000: | stripe::v2::core::PersonUpdateParams | given_name | given_name | text | currently_due",
      "Representative | representative.dob.day | person:person_1V2PlanRep000: | stripe::v2::core::PersonUpdateParams | date_of_birth->day | date_of_birth.day | day | currently_due",
      "Representative | representative.dob.month | person:person_1V2PlanRep000: | stripe::v2::core::PersonUpdateParams | date_of_birth->month | date_of_birth.month | month | currently_due",
      "Representative | representative.dob.year | person:person_1V2PlanRep000: | stripe::v2::core::PersonUpdateParams | date_of_birth->year | date_of_birth.year | year | currently_due",
      "Representative | representative.ssn_last_4 | person:person_1V2PlanRep000: | stripe::v2::core::PersonUpdateParams | id_numbers | id_numbers | four_digits=us_ssn_last_4 | eventually_due",
      "Owners | identity.attestations.persons_provided.owners | account:: | stripe::v2::core::AccountUpdateParams | identity->attestations->persons_provided->owners | identity.attestations.persons_provided.owners | boolean | currently_due",
      "Executives | executives.first_name | new_person::executive | stripe::v2::core::PersonCreateParams | given_name | given_name | text | currently_due",
      "Bank account | external_account | external_account:: | stripe::v1::ExternalAccountCreateParams | external_account | external_account | bank_account | currently_due",
      "Terms of service | identity.attestations.terms_of_service.account.date | account:: | stripe::v2::core::AccountUpdateParams | identity->attestations->terms_of_service->account->date | identity.attestations.terms_of_service.account.date | unix_time | past_due",
      "Terms of service | tos_acceptance.ip | account:: | stripe::v2::core::AccountUpdateParams | identity->attestations->terms_of_service->account->ip | identity.attestations.terms_of_service.account.ip | ip_address | past_due",
      "Documents | documents.primary_verification | file_upload:person_1V2PlanRep000: | stripe::v2::core::PersonUpdateParams | documents->primary_verification | documents.primary_verification | file | eventually_due",
      "Other | given_name | person:person_1V2PlanOwner0: | stripe::v2::core::PersonUpdateParams | given_name | given_name | text | currently_due",
      "Other | date_of_birth.day | person:person_1V2PlanOwner0: | stripe::v2::core::PersonUpdateParams | date_of_birth->day | date_of_birth.day | day | currently_due",
      "Other | date_of_birth.month | person:person_1V2PlanOwner0: | stripe::v2::core::PersonUpdateParams | date_of_birth->month | date_of_birth.month | month | currently_due",
      "Other | date_of_birth.year | person:person_1V2PlanOwner0: | stripe::v2::core::PersonUpdateParams | date_of_birth->year | date_of_birth.year | year | currently_due",
      "Other | identity.business_details.annual_revenue | unknown:: |  |  |  | unknown | currently_due"});
  const auto& day = field(plan, "date_of_birth.day");
  CHECK(errors_of(day) == std::vector<std::string>{
                              "invalid_dob_age_under_minimum | The person must be at least 13 years old. | date_of_birth.day"});
  CHECK(day.deadline_time == "2026-12-01T00:00:00.000Z");
  CHECK(field(plan, "defaults.profile.business_url").deadline_time.empty());  // eventually due
  CHECK(plan.find("representative.verification.document") == nullptr);  // awaiting Stripe
  const auto incremental = ob::collection_plan(v2_account_fixture("v2_plan_company.json"), ob::Strategy::incremental);
  CHECK(incremental.size() == plan.size() - 3);

  // With the persons listed, a person referenced in the v2 API's words goes in its group.
  std::vector<stripe::v2::core::AccountPerson> persons(1);
  persons[0].id = "person_1V2PlanOwner0";
  persons[0].relationship.emplace().owner = true;
  const auto grouped = ob::collection_plan(v2_account_fixture("v2_plan_company.json"), persons, ob::Strategy::up_front);
  CHECK(field(grouped, "given_name").group == ob::Group::owners);
  CHECK(field(grouped, "date_of_birth.year").group == ob::Group::owners);
  CHECK(grouped.size() == plan.size());
}

TEST_CASE("apply v2 answers: one AccountUpdateParams, person updates by id, a created executive, the bank account") {
  const auto plan = ob::collection_plan(v2_account_fixture("v2_plan_company.json"), ob::Strategy::up_front);
  const ob::Answers answers = {
      {"company.name", "Acme Parts LLC"},
      {"company.address.postal_code", "94103"},
      {"identity.business_details.phone", "+14155550100"},
      {"identity.business_details.id_numbers", "000000000"},
      {"defaults.profile.business_url", "https://acme.example"},
      {"identity.attestations.persons_provided.owners", "true"},
      {"tos_acceptance.ip", "203.0.113.9"},
      {"identity.attestations.terms_of_service.account.date", "1764547200"},
      {"representative.first_name", "Jenny"},
      {"representative.dob.day", "29"},
      {"representative.dob.month", "2"},
      {"representative.dob.year", "1984"},
      {"representative.ssn_last_4", "0000"},
      {"given_name", "Kai"},
      {"date_of_birth.day", "1"},
      {"date_of_birth.month", "2"},
      {"date_of_birth.year", "1980"},
      {"executives.first_name", "Ada"},
      {"external_account", "btok_us_verified"},
  };
  CHECK(ob::validate_answers(plan, answers).empty());
  const auto applied = ob::apply_v2_answers(plan, answers);
  CHECK(applied.updates_account);
  CHECK(json_of(applied.account) ==
        R"({"defaults":{"profile":{"business_url":"https://acme.example"}},"identity":{"attestations":{"persons_provided":)"
        R"({"owners":true},"terms_of_service":{"account":{"date":"2025-12-01T00:00:00Z","ip":"203.0.113.9"}}},)"
        R"("business_details":{"address":{"postal_code":"94103"},"id_numbers":[{"type":"us_ein","value":"000000000"}],)"
        R"("phone":"+14155550100","registered_name":"Acme Parts LLC"}}})");
  REQUIRE(applied.persons.size() == 3);
  CHECK(applied.persons[0].person == "person_1V2PlanRep000");
  CHECK(json_of(applied.persons[0].update_params) ==
        R"({"date_of_birth":{"day":29,"month":2,"year":1984},"given_name":"Jenny",)"
        R"("id_numbers":[{"type":"us_ssn_last_4","value":"0000"}]})");
  CHECK(applied.persons[1].creates());
  CHECK(applied.persons[1].role == "executive");
  CHECK(json_of(applied.persons[1].create_params) == R"({"given_name":"Ada","relationship":{"executive":true}})");
  CHECK(applied.persons[2].person == "person_1V2PlanOwner0");
  CHECK(json_of(applied.persons[2].update_params) == R"({"date_of_birth":{"day":1,"month":2,"year":1980},"given_name":"Kai"})");

  // With the uploaded file's id the document goes on the representative's update.
  auto with_document = answers;
  with_document["documents.primary_verification"] = "file_1RepPassport";
  const auto documented = ob::apply_v2_answers(plan, with_document);
  CHECK(documented.uploads_needed.empty());
  CHECK(json_of(documented.persons[0].update_params).find(
            R"("documents":{"primary_verification":{"front_back":{"front":"file_1RepPassport"},"type":"front_back"}})") !=
        std::string::npos);
  REQUIRE(applied.external_accounts.size() == 1);
  CHECK(wire(applied.external_accounts[0]) == "external_account=btok_us_verified");
  REQUIRE(applied.uploads_needed.size() == 1);
  CHECK(applied.uploads_needed[0].requirement == "documents.primary_verification");
  CHECK(applied.uploads_needed[0].purpose == "identity_document");
  CHECK(applied.uploads_needed[0].target.person == "person_1V2PlanRep000");
}

TEST_CASE("apply v2 answers: validation names the field, in the v2 API's names too") {
  const auto plan = ob::collection_plan(v2_account_fixture("v2_plan_company.json"), ob::Strategy::up_front);
  const ob::Answers dob = {{"date_of_birth.day", "29"}, {"date_of_birth.month", "2"}, {"date_of_birth.year", "1984"}};
  auto with = [&dob](const std::string& key, const std::string& value) {
    auto a = dob;
    a[key] = value;
    return a;
  };
  CHECK(ob::validate_answers(plan, dob).empty());
  CHECK(problem(plan, with("date_of_birth.year", "1983")) == "date_of_birth.day | parameter_invalid");  // no 29 February
  CHECK(problem(plan, {{"date_of_birth.day", "14"}, {"date_of_birth.year", "1984"}}) == "date_of_birth.month | parameter_missing");
  CHECK(problem(plan, {{"date_of_birth.month", "2"}, {"date_of_birth.year", "1984"}}) == "date_of_birth.day | parameter_missing");
  CHECK(problem(plan, {{"representative.dob.day", "14"}, {"representative.dob.month", "2"}}) ==
        "representative.dob.year | parameter_missing");
  CHECK(problem(plan, {{"identity.business_details.phone", "call us"}}) == "identity.business_details.phone | parameter_invalid");
  CHECK(problem(plan, {{"company.address.postal_code", "EC1A 1BB"}}) == "company.address.postal_code | parameter_invalid");
  CHECK(problem(plan, {{"identity.attestations.terms_of_service.account.date", "today"}}) ==
        "identity.attestations.terms_of_service.account.date | parameter_invalid");
  CHECK(problem(plan, {{"identity.attestations.persons_provided.owners", "yes"}}) ==
        "identity.attestations.persons_provided.owners | parameter_invalid");
  CHECK(problem(plan, {{"representative.ssn_last_4", "12345"}}) == "representative.ssn_last_4 | parameter_invalid");
  CHECK(problem(plan, {{"given_name", ""}}) == "given_name | parameter_invalid_empty");
  CHECK(problem(plan, {{"identity.business_details.annual_revenue", "1000000"}}) ==
        "identity.business_details.annual_revenue | parameter_unknown");
  try {
    ob::apply_v2_answers(plan, {{"tos_acceptance.ip", "300.1.1.1"}});
    FAIL("expected an InvalidParamsError");
  } catch (const stripe::InvalidParamsError& e) {
    CHECK(e.param() == "tos_acceptance.ip");
    CHECK(e.message() == "tos_acceptance.ip: Terms accepted from must be an IPv4 or IPv6 address");
  }
  // Each apply takes the plan of its own API version.
  CHECK_THROWS_WITH(ob::apply_answers(plan, {}), "a v2 plan: apply it with apply_v2_answers (code plan_version_mismatch)");
  const auto v1_plan = ob::collection_plan(account_fixture("v1_plan_individual.json"), {}, ob::Strategy::up_front);
  CHECK_THROWS_WITH(ob::apply_v2_answers(v1_plan, {}), "a v1 plan: apply it with apply_answers (code plan_version_mismatch)");
}

TEST_CASE("collection plan on the simulator: a v2 company answers every field through submit_answers until nothing is due") {
  SimWorld w;
  const auto created = w.client.v2().core().accounts().create(test_support::us_company_recipient()).value();
  stripe::v2::core::AccountRetrieveParams rp;
  rp.include = std::vector<stripe::v2::core::AccountRetrieveParams::Include>{"requirements", "identity"};
  auto account = w.client.v2().core().accounts().retrieve(created.id, rp).value();
  const auto incremental = ob::collection_plan(account, ob::Strategy::incremental);
  CHECK(incremental.country == "US");
  CHECK(incremental.business_type == "company");
  const auto& first = field(incremental, "representative.first_name");
  CHECK(first.group == ob::Group::representative);
  CHECK(first.target.kind == ob::TargetKind::new_person);
  CHECK(first.params == "stripe::v2::core::PersonCreateParams");
  CHECK(first.wire_key == "given_name");
  CHECK(incremental.find("representative.id_number") == nullptr);  // eventually due

  // Every field of the plan has an answer; round by round until nothing is currently due.
  const std::map<std::string, std::string> by_type = {
      {"text", "Acme"}, {"email", "jenny@acme.example"}, {"phone", "+14155550100"}, {"url", "https://acme.example"},
      {"day", "1"}, {"month", "2"}, {"year", "1980"}, {"country", "US"}, {"boolean", "true"},
      {"unix_time", std::to_string(w.sim->now())}, {"ip_address", "203.0.113.9"}, {"four_digits", "0000"},
      {"bank_account", "btok_us_verified"}};
  int rounds = 0;
  for (auto plan = incremental; !plan.empty() && rounds < 3; ++rounds) {
    ob::Answers answers;
    for (const auto& g : plan.groups)
      for (const auto& f : g.fields) {
        INFO(f.requirement);
        REQUIRE(f.known());
        answers[f.requirement] = f.type == ob::ValueType::enumeration ? f.allowed_values.front()
                                 : ends_with_postal(f.requirement) ? "94103"
                                                                   : by_type.at(ob::to_string(f.type));
      }
    REQUIRE(answers.size() == plan.size());
    account = ob::submit_answers(w.client, created.id, ob::apply_v2_answers(plan, answers)).value();
    plan = ob::collection_plan(account, ob::Strategy::incremental);
  }
  CHECK(rounds == 1);
  auto currently_due = [](const stripe::v2::core::Account& a, const std::string& awaiting) {
    std::vector<std::string> out;
    for (const auto& e : a.requirements->entries)
      if (e.minimum_deadline.status != "eventually_due" && e.awaiting_action_from == awaiting) out.push_back(e.description);
    return out;
  };
  CHECK(currently_due(account, "user") == std::vector<std::string>{});
  CHECK(currently_due(account, "stripe") == std::vector<std::string>{"external_account", "company.tax_id"});
  w.sim->advance_clock(60);  // the verifications finish
  account = w.client.v2().core().accounts().retrieve(created.id, rp).value();
  CHECK(currently_due(account, "stripe") == std::vector<std::string>{});
  std::vector<std::string> people;
  for (const auto& p : w.client.v2().core().persons().list_all(created.id)) people.push_back(p.given_name.value_or(""));
  CHECK(people == std::vector<std::string>{"Acme"});  // one representative, created once

  // Up front, with the persons listed: what is eventually due of the representative updates the
  // person created above.
  std::vector<stripe::v2::core::AccountPerson> persons;
  for (const auto& p : w.client.v2().core().persons().list_all(created.id)) persons.push_back(p);
  const auto rest = ob::collection_plan(account, persons, ob::Strategy::up_front);
  CHECK(v2_lines(rest) == std::vector<std::string>{
                              "Representative | representative.id_number | person:" + persons[0].id +
                              ": | stripe::v2::core::PersonUpdateParams | id_numbers | id_numbers | text=us_ssn | eventually_due",
                              "Executives | company.executives_provided | account:: | stripe::v2::core::AccountUpdateParams"
                              " | identity->attestations->persons_provided->executives"
                              " | identity.attestations.persons_provided.executives | boolean | eventually_due"});
  const ob::Answers last = {{"representative.id_number", "000000000"}, {"company.executives_provided", "true"}};
  account = ob::submit_answers(w.client, created.id, ob::apply_v2_answers(rest, last)).value();
  CHECK(ob::collection_plan(account, persons, ob::Strategy::up_front).empty());
  std::size_t count = 0;
  for (const auto& p : w.client.v2().core().persons().list_all(created.id))
    if (!p.id.empty()) ++count;
  CHECK(count == 1);  // updated, not created again
}
