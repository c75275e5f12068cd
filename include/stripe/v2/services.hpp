#pragma once
// v2 services: client.v2().core().account_links(), client.v2().core().accounts().
#include <string>

#include "stripe/client.hpp"
#include "stripe/detail/path.hpp"
#include "stripe/detail/url_validation.hpp"
#include "stripe/list.hpp"
#include "stripe/v2/core/account.hpp"
#include "stripe/v2/core/account_link.hpp"
#include "stripe/v2/core/account_link_params.hpp"
#include "stripe/v2/core/account_params.hpp"

namespace stripe::v2::core {

// Each service is a class template only so that its members are compiled when used:
// including the SDK then costs little for the endpoints a program never calls.
// A service is a cheap handle on a Client copy: it may outlive the Client it came from and be
// used from several threads at once, like the Client itself.
template <class Unused = void>
class BasicAccountLinkService {
 public:
  explicit BasicAccountLinkService(Client c) : client_(std::move(c)) {}

  // v2 links need HTTPS URLs always, in test mode too.
  Result<AccountLink> create(const AccountLinkCreateParams& params, const RequestOptions& ro = {}) const {
    validate(params);
    return client_.request<AccountLink>(http::Method::post, "/v2/core/account_links", encode_params(params), ro);
  }

  static void validate(const AccountLinkCreateParams& params) {
    auto fail = [](const char* param, const std::string& message) {
      ErrorDetails d;
      d.param = param;
      d.message = message;
      throw InvalidParamsError(std::move(d));
    };
    if (params.account.empty()) fail("account", "account is required");
    const auto& uc = params.use_case;
    if (uc.type == AccountLinkCreateParams::UseCase::Type::account_onboarding) {
      if (!uc.account_onboarding)
        fail("use_case.account_onboarding", "use_case.account_onboarding is required for type account_onboarding");
      check_urls(uc.account_onboarding->refresh_url, uc.account_onboarding->return_url, "use_case.account_onboarding");
    } else if (uc.type == AccountLinkCreateParams::UseCase::Type::account_update) {
      if (!uc.account_update)
        fail("use_case.account_update", "use_case.account_update is required for type account_update");
      check_urls(uc.account_update->refresh_url, uc.account_update->return_url, "use_case.account_update");
    } else if (uc.type.empty()) {
      fail("use_case.type", "use_case.type is required");
    }
  }

 private:
  static void check_urls(const std::string& refresh, const std::optional<std::string>& ret, const std::string& prefix) {
    stripe::detail::validate_redirect_url(refresh, prefix + ".refresh_url", true);
    if (ret) stripe::detail::validate_redirect_url(*ret, prefix + ".return_url", true);
  }
  Client client_;
};
using AccountLinkService = BasicAccountLinkService<>;

template <class Unused = void>
class BasicAccountService {
 public:
  explicit BasicAccountService(Client c) : client_(std::move(c)) {}

  Result<Account> create(const AccountCreateParams& params = {}, const RequestOptions& ro = {}) const {
    return client_.request<Account>(http::Method::post, "/v2/core/accounts", encode_params(params), ro);
  }
  // Parts such as requirements and configuration.recipient come back only when named in include.
  Result<Account> retrieve(const std::string& id, const AccountRetrieveParams& params = {},
                           const RequestOptions& ro = {}) const {
    return client_.request<Account>(http::Method::get, path(id), encode_params(params), ro);
  }
  Result<Account> update(const std::string& id, const AccountUpdateParams& params,
                         const RequestOptions& ro = {}) const {
    return client_.request<Account>(http::Method::post, path(id), encode_params(params), ro);
  }
  Result<V2List<Account>> list(const AccountListParams& params = {}, const RequestOptions& ro = {}) const {
    return client_.request<V2List<Account>>(http::Method::get, "/v2/core/accounts", encode_params(params), ro);
  }
  // Every account, following next_page_url verbatim until it is null; one page in memory.
  AutoPager<Account> list_all(const AccountListParams& params = {}, RequestOptions ro = {}) const {
    return AutoPager<Account>([client = client_, cursor = stripe::detail::V2Cursor(), query = encode_params(params),
                               ro]() mutable -> std::optional<std::vector<Account>> {
      if (cursor.finished()) return std::nullopt;
      auto page = decode_result<V2List<Account>>(
          cursor.started() ? client.get_path(cursor.next_url(), ro)
                           : client.raw_request(http::Method::get, "/v2/core/accounts", query, ro));
      cursor.advance(page->next_page_url, page->data.empty());
      return std::move(page->data);  // an empty page is skipped by the pager
    });
  }
  Result<Account> close(const std::string& id, const AccountCloseParams& params = {},
                        const RequestOptions& ro = {}) const {
    return client_.request<Account>(http::Method::post, path(id) + "/close", encode_params(params), ro);
  }

 private:
  static std::string path(const std::string& id) {
    return "/v2/core/accounts/" + stripe::detail::path_segment(id, "account id");
  }
  Client client_;
};
using AccountService = BasicAccountService<>;

class Services {
 public:
  explicit Services(Client c) : client_(std::move(c)) {}
  AccountLinkService account_links() const { return AccountLinkService(client_); }
  AccountService accounts() const { return AccountService(client_); }

 private:
  Client client_;
};

}  // namespace stripe::v2::core

namespace stripe::v2 {
class Services {
 public:
  explicit Services(Client c) : client_(std::move(c)) {}
  core::Services core() const { return core::Services(client_); }

 private:
  Client client_;
};
}  // namespace stripe::v2

namespace stripe {
inline v2::Services Client::v2() const { return v2::Services(*this); }
}  // namespace stripe
