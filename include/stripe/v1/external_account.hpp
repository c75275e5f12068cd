#pragma once
/// \file
/// An external account: where a connected account's payouts go, a bank account or a debit card.
/// The API returns either object from the same endpoints; `object` says which.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "stripe/encoding/fields.hpp"
#include "stripe/encoding/model.hpp"
#include "stripe/v1/bank_account.hpp"

namespace stripe::v1 {

/// A bank account or a card, decoded by its `object`. An object of a kind this SDK does not know
/// yet keeps its id, its `object` and `raw`, with neither alternative set: nothing is lost.
struct ExternalAccount {
  std::string id;  ///< ba_... or card_...
  std::string object;  ///< "bank_account" or "card"
  stripe::Optional<BankAccount> bank_account;  ///< set when object is "bank_account"
  stripe::Optional<Card> card;  ///< set when object is "card"
  stripe::RawJson raw;  ///< the whole object as received

  /// Whether this is a bank account (bank_account is set).
  bool is_bank_account() const noexcept { return bank_account.has_value(); }
  /// Whether this is a debit card (card is set).
  bool is_card() const noexcept { return card.has_value(); }

  /// Decodes either alternative from the document (see stripe/encoding/model.hpp). A template
  /// only so that a file that never decodes one does not compile both alternatives' decoders.
  template <class Json>
  static void decode_json(const Json& j, ExternalAccount& out, const stripe::detail::JsonPath& path) {
    stripe::detail::JsonReader reader{j, path};
    reader("id", out.id);
    reader("object", out.object);
    // Each alternative keeps the whole object too, as a list item or an expanded object does.
    if (out.object == "bank_account") {
      stripe::detail::read_value(j, out.bank_account, path);
      out.bank_account->raw = j;
    } else if (out.object == "card") {
      stripe::detail::read_value(j, out.card, path);
      out.card->raw = j;
    }
  }

  /// The same, straight from the response bytes (see stripe/encoding/text_decode.hpp): the
  /// alternative is read in place and its `raw` points into the shared response, as a list
  /// item's does.
  template <class TextDecoder>
  static void decode_text(TextDecoder& d, ExternalAccount& out, const stripe::detail::JsonPath& path) {
    out.object = d.peek_member_string("object");
    if (out.object == "bank_account") {
      d.read(out.bank_account, path);
      out.bank_account->raw = d.raw_at(path);
      out.id = out.bank_account->id;
    } else if (out.object == "card") {
      d.read(out.card, path);
      out.card->raw = d.raw_at(path);
      out.id = out.card->id;
    } else {
      IdAndObject named;
      d.read(named, path);
      out.id = std::move(named.id);
    }
  }

  /// What an object of an unknown kind is read as.
  struct IdAndObject {
    std::string id;      ///< The object's ID.
    std::string object;  ///< Its kind, as the API names it.
    /// The fields, for the decoders.
    STRIPE_FIELDS((id)(object))
  };

  /// Encodes the alternative that is set (stripe::encode of an Account with its external
  /// accounts); an object of an unknown kind encodes as received.
  template <class Json>
  friend void to_json(Json& j, const ExternalAccount& value) {
    if (value.bank_account) j = stripe::detail::write_value<Json>(*value.bank_account);
    else if (value.card) j = stripe::detail::write_value<Json>(*value.card);
    else j = value.raw.get();
  }
};

/// What deleting an external account returns: the same fields for a bank account and a card.
using DeletedExternalAccount = DeletedBankAccount;

}  // namespace stripe::v1

// An account lists its external accounts (Account::ExternalAccounts::data holds these), and a
// bank account names its account: account.hpp includes this header, so it comes after the types.
#include "stripe/v1/account.hpp"
