#pragma once
// A GB company onboarded through the API, the way a platform collecting requirements itself
// does it: the custom account with the company's details and terms accepted, an identity
// document uploaded, the representative (with that document) and an owner added, owners and
// directors declared provided, and a bank account. Verifications are then pending: advance the
// simulator's clock past its verification delay and the account is complete. Shared by the
// in-process simulator tests and the stripe-connect-sim server tests, with the v2 company they
// onboard through persons.
#include <cstdint>
#include <string>
#include <utility>

#include "stripe/connect.hpp"

namespace test_support {

// A v2 US company recipient: its requirements ask for a representative and the owners.
inline stripe::v2::core::AccountCreateParams us_company_recipient() {
  stripe::v2::core::AccountCreateParams p;
  p.display_name = "Acme Parts";
  p.contact_email = "ops@acme.example";
  auto& identity = p.identity.emplace();
  identity.country = "US";
  identity.entity_type = "company";
  p.configuration.emplace().recipient.emplace().capabilities.emplace().stripe_balance.emplace()
      .stripe_transfers.emplace().requested = true;
  return p;
}

// The smallest file that passes as a PNG: its signature and a few bytes.
inline std::string tiny_png() { return std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\0\0\rIHDR", 8); }

inline stripe::v1::FileCreateParams identity_document(std::string bytes = tiny_png(), std::string type = "image/png") {
  stripe::v1::FileCreateParams p;
  p.purpose = "identity_document";
  p.file.data = std::move(bytes);
  p.file.name = "passport.png";
  p.file.type = std::move(type);
  return p;
}

// A business logo: a file Stripe may share (file links), unlike an identity document.
inline stripe::v1::FileCreateParams business_logo() {
  stripe::v1::FileCreateParams p;
  p.purpose = "business_logo";
  p.file.data = tiny_png();
  p.file.name = "logo.png";
  return p;
}

inline stripe::v1::AccountCreateParams gb_company_account(std::int64_t accepted_at) {
  stripe::v1::AccountCreateParams p;
  p.type = "custom";
  p.country = "GB";
  p.business_type = "company";
  p.email = "finance@widgets.example";
  p.capabilities.emplace().card_payments.emplace().requested = true;
  p.capabilities->transfers.emplace().requested = true;
  auto& bp = p.business_profile.emplace();
  bp.mcc = "5734";
  bp.url = "https://widgets.example";
  auto& co = p.company.emplace();
  co.name = "Widgets Ltd";
  co.phone = "+442079460000";
  co.tax_id = "GB123456789";
  auto& addr = co.address.emplace();
  addr.line1 = "1 High Street";
  addr.city = "London";
  addr.postal_code = "EC1A 1BB";
  p.tos_acceptance.emplace().date = accepted_at;
  p.tos_acceptance->ip = "203.0.113.9";
  return p;
}

inline stripe::v1::PersonCreateParams gb_representative(const std::string& document_file) {
  stripe::v1::PersonCreateParams p;
  p.first_name = "Jenny";
  p.last_name = "Rosen";
  p.email = "jenny@widgets.example";
  p.phone = "+447700900000";
  p.dob = stripe::DateOfBirthParams{1, 2, 1980};
  auto& addr = p.address.emplace();
  addr.line1 = "2 Low Street";
  addr.city = "London";
  addr.postal_code = "EC1A 1BB";
  auto& rel = p.relationship.emplace();
  rel.representative = true;
  rel.executive = true;
  rel.title = "Director";
  p.verification.emplace().document.emplace().front = document_file;
  return p;
}

inline stripe::v1::ExternalAccountCreateParams gb_bank_account(std::string account_number = "00012345") {
  stripe::v1::ExternalAccountCreateParams p;
  stripe::v1::ExternalAccountCreateParams::BankAccount bank;
  bank.object = "bank_account";
  bank.country = "GB";
  bank.currency = "gbp";
  bank.account_number = std::move(account_number);
  bank.routing_number = "108800";
  bank.account_holder_name = "Widgets Ltd";
  p.external_account = bank;
  return p;
}

// Token params for a GB bank account: the single-use btok_ an external account can be made from.
// The sort code may be written with dashes, as UK banks print it.
inline stripe::v1::TokenCreateParams gb_bank_account_token(std::string account_number = "00012345",
                                                           std::string sort_code = "108800") {
  stripe::v1::TokenCreateParams::BankAccount bank;
  bank.country = "GB";
  bank.currency = "gbp";
  bank.account_number = std::move(account_number);
  bank.routing_number = std::move(sort_code);
  stripe::v1::TokenCreateParams p;
  p.bank_account = bank;
  return p;
}

struct OnboardedCompany {
  std::string account, document, representative, owner, bank_account;
};

inline OnboardedCompany onboard_gb_company(const stripe::Client& client, std::int64_t accepted_at) {
  OnboardedCompany out;
  out.account = client.v1().accounts().create(gb_company_account(accepted_at)).value().id;
  out.document = client.v1().files().create(identity_document()).value().id;
  out.representative = client.v1().persons().create(out.account, gb_representative(out.document)).value().id;
  stripe::v1::PersonCreateParams owner;
  owner.first_name = "Kai";
  owner.last_name = "Owner";
  owner.relationship.emplace().owner = true;
  out.owner = client.v1().persons().create(out.account, owner).value().id;
  stripe::v1::AccountUpdateParams declared;
  declared.company.emplace().owners_provided = true;
  declared.company->directors_provided = true;
  client.v1().accounts().update(out.account, declared).value();
  out.bank_account = client.v1().external_accounts().create(out.account, gb_bank_account()).value().id;
  return out;
}

}  // namespace test_support
