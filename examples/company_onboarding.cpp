// v1 API onboarding of a company: the platform collects everything itself. It creates the
// account, adds the company's details, its representative and owner as Persons, uploads the
// representative's ID document, attaches a bank account, records the terms of service
// acceptance, then waits until Stripe has verified what needs verifying.
#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

#include "example_env.hpp"
#include "stripe/onboarding.hpp"
#include "stripe/v1/external_accounts.hpp"
#include "stripe/v1/files.hpp"
#include "stripe/v1/persons.hpp"

namespace {

stripe::v1::PersonCreateParams person(const char* first, const char* last, const char* email) {
  stripe::v1::PersonCreateParams p;
  p.first_name = first;
  p.last_name = last;
  p.email = email;
  p.phone = "+442079460000";
  p.dob = stripe::DateOfBirthParams{14, 2, 1984};
  auto& address = p.address.emplace();
  address.line1 = "1 Finsbury Avenue";
  address.city = "London";
  address.postal_code = "EC2M 2PP";
  address.country = "GB";
  return p;
}

std::size_t currently_due(const stripe::v1::Account& account) {
  const auto& r = account.requirements;
  return r && r->currently_due ? r->currently_due->size() : 0;
}

}  // namespace

int main() {
  auto client = client_from_env("company_onboarding");
  if (!client) return 2;
  try {
    auto v1 = client->v1();  // a cheap handle, returned by value
    stripe::v1::AccountCreateParams create;
    auto& controller = create.controller.emplace();
    controller.fees.emplace().payer = "application";
    controller.losses.emplace().payments = "application";
    controller.requirement_collection = "application";
    controller.stripe_dashboard.emplace().type = "none";
    create.country = "GB";
    create.business_type = "company";
    create.capabilities.emplace().transfers.emplace().requested = true;
    auto account = v1.accounts().create(create);
    const std::string id = account->id;
    std::cout << "created company account " << id << "; currently due: " << currently_due(*account) << "\n";

    // The company itself.
    stripe::v1::AccountUpdateParams company;
    auto& details = company.company.emplace();
    details.name = "Rosen Trading Ltd";
    details.phone = "+442079460001";
    details.tax_id = "000000000";
    auto& address = details.address.emplace();
    address.line1 = "1 Finsbury Avenue";
    address.city = "London";
    address.postal_code = "EC2M 2PP";
    v1.accounts().update(id, company);

    // The representative's ID document goes to the files host, then onto the Person.
    stripe::v1::FileCreateParams upload;
    upload.purpose = stripe::v1::FileCreateParams::Purpose::identity_document;
    upload.file.name = "passport.png";
    upload.file.type = "image/png";
    upload.file.data = std::string("\x89PNG\r\n\x1a\n", 8) + "test document";  // read the user's upload here
    auto document = v1.files().create(upload);
    std::cout << "uploaded identity document " << document->id << " (" << document->size << " bytes)\n";

    auto representative = person("Jenny", "Rosen", "jenny.rosen@example.com");
    auto& role = representative.relationship.emplace();
    role.representative = true;
    role.director = true;
    role.title = "Director";
    representative.verification.emplace().document.emplace().front = document->id;
    auto rep = v1.persons().create(id, representative);

    auto owner = person("Kai", "Tanaka", "kai.tanaka@example.com");
    auto& owns = owner.relationship.emplace();
    owns.owner = true;
    owns.percent_ownership = 60.0;
    v1.persons().create(id, owner);
    std::cout << "added representative " << rep->id << " and one owner\n";

    // Everyone is provided; the bank account for payouts; the terms of service, as the user accepted them.
    stripe::v1::AccountUpdateParams finish;
    auto& provided = finish.company.emplace();
    provided.owners_provided = true;
    provided.directors_provided = true;
    auto& tos = finish.tos_acceptance.emplace();
    tos.date = static_cast<std::int64_t>(std::time(nullptr));
    tos.ip = "203.0.113.9";  // the IP the user accepted from
    v1.accounts().update(id, finish);

    stripe::v1::ExternalAccountCreateParams bank;
    auto& hash = bank.external_account.emplace<stripe::v1::ExternalAccountCreateParams::BankAccount>();
    hash.object = "bank_account";  // required by the API: the hash says what it describes
    hash.country = "GB";
    hash.currency = "gbp";
    hash.account_number = "00012345";
    hash.routing_number = "108800";  // a test sort code
    hash.account_holder_name = "Rosen Trading Ltd";
    hash.account_holder_type = "company";
    auto external = v1.external_accounts().create(id, bank);
    std::cout << "bank account attached: " << (external->bank_account ? "ending " + external->bank_account->last4 : std::string("?"))
              << "\n";

    // Stripe verifies the tax ID and the document in the background. A real platform listens
    // for account.updated; this example polls, briefly.
    namespace ob = stripe::onboarding;
    for (int attempt = 0; attempt < 30; ++attempt) {
      account = v1.accounts().retrieve(id);
      if (ob::account_state(*account) == ob::AccountState::complete) break;
      std::this_thread::sleep_for(std::chrono::seconds(2));
    }
    auto summary = ob::summarize(*account);
    std::cout << "state: " << ob::to_string(ob::account_state(*account)) << "; currently due " << currently_due(*account)
              << ", pending verification " << summary.pending_verification.size()
              << ", payouts_enabled=" << account->payouts_enabled << "\n";
    return ob::account_state(*account) == ob::AccountState::complete ? 0 : 3;
  } catch (const stripe::Error& e) {
    std::cerr << "Stripe error: " << e.what() << "\n";
    return 1;
  }
}
