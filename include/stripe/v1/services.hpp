#pragma once
// v1 services: client.v1().accounts(), .account_links(), .capabilities().
#include <algorithm>
#include <string>

#include "stripe/client.hpp"
#include "stripe/detail/path.hpp"
#include "stripe/detail/url_validation.hpp"
#include "stripe/list.hpp"
#include "stripe/v1/account.hpp"
#include "stripe/v1/account_link.hpp"
#include "stripe/v1/account_link_params.hpp"
#include "stripe/v1/account_params.hpp"
#include "stripe/v1/capability.hpp"
#include "stripe/v1/capability_params.hpp"

namespace stripe::v1 {

// Each service is a class template only so that its members are compiled when used:
// including the SDK then costs little for the endpoints a program never calls.
// A service is a cheap handle on a Client copy: it may outlive the Client it came from and be
// used from several threads at once, like the Client itself.
template <class Unused = void>
class BasicAccountService {
 public:
  explicit BasicAccountService(Client c) : client_(std::move(c)) {}

  Result<Account> create(const AccountCreateParams& params = {}, const RequestOptions& ro = {}) const {
    return client_.request<Account>(http::Method::post, "/v1/accounts", encode_params(params), ro);
  }
  Result<Account> retrieve(const std::string& id, const AccountRetrieveParams& params = {},
                           const RequestOptions& ro = {}) const {
    return client_.request<Account>(http::Method::get, path(id), encode_params(params), ro);
  }
  Result<Account> update(const std::string& id, const AccountUpdateParams& params,
                         const RequestOptions& ro = {}) const {
    return client_.request<Account>(http::Method::post, path(id), encode_params(params), ro);
  }
  Result<List<Account>> list(const AccountListParams& params = {}, const RequestOptions& ro = {}) const {
    return client_.request<List<Account>>(http::Method::get, "/v1/accounts", encode_params(params), ro);
  }
  // Every connected account, one page in memory at a time. Walks forwards with starting_after,
  // or backwards with ending_before when params.ending_before is set.
  AutoPager<Account> list_all(AccountListParams params = {}, RequestOptions ro = {}) const {
    bool backwards = params.ending_before.has_value();
    bool more = true;
    return AutoPager<Account>([client = client_, params, ro, backwards, more]() mutable
                              -> std::optional<std::vector<Account>> {
      if (!more) return std::nullopt;
      auto page = client.request<List<Account>>(http::Method::get, "/v1/accounts", encode_params(params), ro);
      std::vector<Account> data = std::move(page->data);
      more = page->has_more && !data.empty();
      if (!data.empty()) {
        auto& cursor = backwards ? params.ending_before : params.starting_after;
        const std::string& next = backwards ? data.front().id : data.back().id;
        if (more && cursor == next) stripe::detail::throw_pagination_loop("the list returned the same cursor twice");
        cursor = next;
        if (backwards) std::reverse(data.begin(), data.end());
      }
      return data;
    });
  }
  Result<DeletedAccount> del(const std::string& id, const RequestOptions& ro = {}) const {
    return client_.request<DeletedAccount>(http::Method::del, path(id), nlohmann::ordered_json::object(), ro);
  }
  Result<Account> reject(const std::string& id, const AccountRejectParams& params,
                         const RequestOptions& ro = {}) const {
    if (params.reason.empty())
      throw InvalidParamsError(stripe::detail::message_only("reject: reason is required"));
    return client_.request<Account>(http::Method::post, path(id) + "/reject", encode_params(params), ro);
  }

 private:
  static std::string path(const std::string& id) { return "/v1/accounts/" + stripe::detail::path_segment(id, "account id"); }
  Client client_;
};
using AccountService = BasicAccountService<>;

template <class Unused = void>
class BasicAccountLinkService {
 public:
  explicit BasicAccountLinkService(Client c) : client_(std::move(c)) {}

  // Checks what the API would reject before sending: a missing account, type or URL, a
  // non-HTTPS URL in live mode, and collect together with collection_options.
  Result<AccountLink> create(const AccountLinkCreateParams& params, const RequestOptions& ro = {}) const {
    validate(params, ro.api_key.value_or(client_.options().secret_key));
    return client_.request<AccountLink>(http::Method::post, "/v1/account_links", encode_params(params), ro);
  }

  static void validate(const AccountLinkCreateParams& params, const std::string& secret_key) {
    auto fail = [](const char* param, const std::string& message) {
      ErrorDetails d;
      d.param = param;
      d.message = message;
      throw InvalidParamsError(std::move(d));
    };
    if (params.account.empty()) fail("account", "account is required");
    if (params.type.empty()) fail("type", "type is required (account_onboarding or account_update)");
    if (!params.refresh_url) fail("refresh_url", "refresh_url is required");
    if (!params.return_url) fail("return_url", "return_url is required");
    if (params.collect && params.collection_options)
      fail("collect", "collect is deprecated and cannot be combined with collection_options");
    const bool live = !stripe::detail::is_test_key(secret_key);
    stripe::detail::validate_redirect_url(*params.refresh_url, "refresh_url", live);
    stripe::detail::validate_redirect_url(*params.return_url, "return_url", live);
  }

 private:
  Client client_;
};
using AccountLinkService = BasicAccountLinkService<>;

template <class Unused = void>
class BasicCapabilityService {
 public:
  explicit BasicCapabilityService(Client c) : client_(std::move(c)) {}

  Result<List<Capability>> list(const std::string& account, const CapabilityListParams& params = {},
                                const RequestOptions& ro = {}) const {
    return client_.request<List<Capability>>(http::Method::get, base(account), encode_params(params), ro);
  }
  Result<Capability> retrieve(const std::string& account, const std::string& capability,
                              const CapabilityRetrieveParams& params = {}, const RequestOptions& ro = {}) const {
    return client_.request<Capability>(http::Method::get, base(account) + "/" + stripe::detail::path_segment(capability, "capability"),
                                       encode_params(params), ro);
  }
  Result<Capability> update(const std::string& account, const std::string& capability,
                            const CapabilityUpdateParams& params, const RequestOptions& ro = {}) const {
    return client_.request<Capability>(http::Method::post,
                                       base(account) + "/" + stripe::detail::path_segment(capability, "capability"),
                                       encode_params(params), ro);
  }

 private:
  static std::string base(const std::string& account) {
    return "/v1/accounts/" + stripe::detail::path_segment(account, "account id") + "/capabilities";
  }
  Client client_;
};
using CapabilityService = BasicCapabilityService<>;

class Services {
 public:
  explicit Services(Client c) : client_(std::move(c)) {}
  AccountService accounts() const { return AccountService(client_); }
  AccountLinkService account_links() const { return AccountLinkService(client_); }
  CapabilityService capabilities() const { return CapabilityService(client_); }

 private:
  Client client_;
};

}  // namespace stripe::v1

namespace stripe {
inline v1::Services Client::v1() const { return v1::Services(*this); }
}  // namespace stripe
