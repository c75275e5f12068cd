#pragma once
// Shared by the benchmarks: the ~6 KB account document and a few realistic variants of it.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/fixtures.hpp"

namespace bench {

inline std::string account_json() { return test_support::read_file(STRIPE_CONNECT_BENCH_DATA "/account_5kb.json"); }

// The same account in the states an onboarding platform sees, so account_state takes every
// kind of branch rather than one predictable path.
inline std::vector<std::string> account_variants() {
  auto base = nlohmann::json::parse(account_json());
  std::vector<std::string> out;
  for (int v = 0; v < 8; ++v) {
    auto a = base;
    a["id"] = "acct_variant" + std::to_string(v);
    auto& r = a["requirements"];
    switch (v) {
      case 0: break;  // past due, disabled
      case 1: r["disabled_reason"] = nullptr; r["past_due"] = nlohmann::json::array(); break;
      case 2: r = {{"currently_due", nlohmann::json::array()}, {"eventually_due", nlohmann::json::array()},
                   {"past_due", nlohmann::json::array()}, {"pending_verification", nlohmann::json::array()},
                   {"disabled_reason", nullptr}, {"errors", nlohmann::json::array()}};
              a["charges_enabled"] = true; a["payouts_enabled"] = true; break;
      case 3: r["disabled_reason"] = "rejected.fraud"; break;
      case 4: r["disabled_reason"] = "requirements.pending_verification"; r["past_due"] = nlohmann::json::array(); break;
      case 5: a["charges_enabled"] = true; r["disabled_reason"] = nullptr; r["past_due"] = nlohmann::json::array(); break;
      case 6: a["payouts_enabled"] = true; r["disabled_reason"] = nullptr; break;
      default: a.erase("requirements"); a["details_submitted"] = false; break;
    }
    out.push_back(a.dump(2));
  }
  return out;
}

}  // namespace bench
