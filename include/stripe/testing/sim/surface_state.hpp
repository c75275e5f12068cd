#pragma once
// What the rest of the v1 onboarding surface keeps: an account's persons and bank accounts, and
// the platform's files, file links and tokens. Only what the API shows again is kept: a bank
// account's number is reduced to its last4 when it arrives, an upload to its size and type.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace stripe::testing::sim {

// A person of a company account, with the params it was given (merged as updates arrive).
struct PersonRecord {
  std::string id;
  std::int64_t created = 0;
  nlohmann::json data = nlohmann::json::object();
};

struct BankAccountRecord {
  std::string id, country, currency, last4, routing_number, holder_name, holder_type, fingerprint;
  bool default_for_currency = false;
  nlohmann::json metadata = nlohmann::json::object();
};

// Per account: its persons and bank accounts, oldest first.
struct AccountSurface {
  std::vector<PersonRecord> persons;
  std::vector<BankAccountRecord> bank_accounts;
  std::string representative;  // the person whose details the representative.* requirements take
};

struct FileRecord {
  std::string id, purpose, filename, type;
  std::int64_t created = 0;
  std::size_t size = 0;
  std::vector<std::string> links;  // file link ids, oldest first
};

struct FileLinkRecord {
  std::string id, file, url;
  std::int64_t created = 0;
  std::optional<std::int64_t> expires_at;
  nlohmann::json metadata = nlohmann::json::object();
};

// A single-use token: what it stands for, as the params that created it gave it.
struct TokenRecord {
  std::string id, type;  // account, person or bank_account
  std::int64_t created = 0;
  bool used = false;
  nlohmann::json data;
};

// Platform-wide, beside the accounts.
struct Surface {
  std::map<std::string, FileRecord> files;
  std::vector<std::string> file_order;  // oldest first
  std::map<std::string, FileLinkRecord> file_links;
  std::vector<std::string> file_link_order;  // oldest first
  std::map<std::string, TokenRecord> tokens;
  // The file part of the multipart request being answered: its bytes stay here, out of the
  // params, so no error message or log can echo them.
  std::optional<std::string> upload;
};

}  // namespace stripe::testing::sim
