// XML leaves: an XPath over the bundle's configuration files of one kind.
#include <fmt/format.h>

#include "eval/walk.hpp"

namespace hardcheck::detail {

Truth evaluate_xml(const Leaf& leaf, const XmlSource& source, const Context& ctx, Walk& walk) {
    const std::string locator = render_source(source);
    std::vector<const ConfigDocument*> docs;
    for (const auto& doc : ctx.host.configs)
        if (source.config == "any" || iequals(doc.kind, source.config)) docs.push_back(&doc);
    if (docs.empty()) {
        walk.not_collected = true;
        walk.problem(fmt::format("no {} file is in the bundle", source.config));
        walk.evidence.push_back({{}, locator, "not collected", false});
        return Truth::unknown;
    }
    std::vector<Item> items;
    for (const ConfigDocument* doc : docs) {
        std::vector<XmlMatch> matches;
        try {
            matches = doc->select(source.xpath);
        } catch (const InputError& e) {
            walk.error = true;
            walk.problem(fmt::format("XPath {} cannot be applied to {}: {}", source.xpath, doc->file, e.what()));
            walk.evidence.push_back({{doc->file, 0, 0}, locator, "unreadable", false});
            return Truth::error;
        }
        for (auto& m : matches) {
            Item item;
            item.where = m.where;
            // Several matches usually come from several <location> elements: the
            // line tells them apart.
            item.display = m.where.line ? fmt::format("'{}' (line {})", m.value, m.where.line) : fmt::format("'{}'", m.value);
            item.observed = observe_text(std::move(m.value));
            items.push_back(std::move(item));
        }
    }
    const auto operands = leaf_operands(leaf, ctx);
    const SourceLocation fallback{docs.front()->file, 0, 0};
    // Nothing matched: for `all`/`any` the setting is absent (its default applies);
    // for `none`/`count` zero matches is the answer.
    const bool lookup = source.quantified.quantifier == Quantifier::all || source.quantified.quantifier == Quantifier::any;
    if (items.empty() && lookup && leaf.has_op) {
        Item absent;
        absent.state = Item::State::absent;
        absent.display = source.default_value ? fmt::format("absent (default {} assumed)", source.default_value->text)
                                              : std::string("absent");
        absent.where = fallback;
        const Truth t = test_item(leaf, operands, absent, ItemRules{&source.default_value, nullptr, false}, walk);
        if (t == Truth::no && !source.default_value && leaf.op != Op::exists) walk.problem(fmt::format("{} matches nothing", locator));
        walk.evidence.push_back({fallback, locator, absent.display, source.default_value && leaf.op != Op::exists && leaf.op != Op::absent});
        return t;
    }
    std::vector<Truth> answers;
    for (const auto& item : items) answers.push_back(test_item(leaf, operands, item, ItemRules{}, walk));
    auto outcome = quantify(source.quantified, answers, ctx);
    if (outcome.truth == Truth::error && !outcome.problem.empty()) {
        walk.error = true;
        walk.problem(outcome.problem);
    }
    record_items(locator, items, outcome, fallback, walk);
    return outcome.truth;
}

}  // namespace hardcheck::detail
