#pragma once
/// \file
/// `STRIPE_FIELDS((a)(b)(c))`: a model's field list, written once. It defines the model's
/// `describe` (see stripe/encoding/model.hpp), visiting each member under its own name:
/// `v("a", self.a); v("b", self.b); v("c", self.c);`. It takes no `;` after it. A member whose
/// JSON name is not its C++ name (renamed for C++: `template_`, or `value_` where `value` is a
/// name the SDK's own types use) needs a hand-written `describe` instead, and so does a member
/// spelled like an object-like macro (the name is taken after macro expansion).

/// Defines `template <class Self, class V> static void describe(Self& self, V& v)` visiting
/// the members of the sequence `(a)(b)(c)` in order (at least one).
#define STRIPE_FIELDS(members)                             \
  template <class Self, class V>                           \
  static void describe(Self& self, V& v) {                 \
    STRIPE_DETAIL_PASTE(STRIPE_DETAIL_VISIT_A members, _END) \
  }

// `STRIPE_DETAIL_VISIT_A (a)(b)(c)` visits a and leaves `STRIPE_DETAIL_VISIT_B (b)(c)`, which
// visits b and leaves A again, and so on: one expansion per member, whatever the length. The
// name left after the last member is pasted with `_END` into a macro that expands to nothing.
#define STRIPE_DETAIL_VISIT_A(member) v(#member, self.member); STRIPE_DETAIL_VISIT_B
#define STRIPE_DETAIL_VISIT_B(member) v(#member, self.member); STRIPE_DETAIL_VISIT_A
#define STRIPE_DETAIL_VISIT_A_END
#define STRIPE_DETAIL_VISIT_B_END
#define STRIPE_DETAIL_PASTE(a, b) STRIPE_DETAIL_PASTE_EXPANDED(a, b)
#define STRIPE_DETAIL_PASTE_EXPANDED(a, b) a##b
