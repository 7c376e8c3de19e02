package com.qteria.assessment;

import com.qteria.evaluation.AiModels;
import com.qteria.evaluation.AiSettings;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.AuditableEvent;
import com.qteria.shared.FieldError;
import com.qteria.shared.TenantId;
import com.qteria.assessment.persistence.AiSettingsRows;
import com.qteria.assessment.persistence.Assessments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's use of AI: which configured provider and model its assessments put plain-language criteria to
 * (its admin's choice, else the instance's default; {@code none} keeps every document in house), and an optional
 * monthly budget in US dollars. Once the month's AI spend reaches the budget, new assessments that would ask the AI
 * are refused (409) with a plain message; assessments already running finish.
 */
@Service
public class AiPolicy {

    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile("[A-Za-z0-9._:/@-]{1,100}");

    private final AiSettingsRows rows;
    private final Assessments assessments;
    private final AiModels models;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AiPolicy(AiSettingsRows rows, Assessments assessments, AiModels models, ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.assessments = assessments;
        this.models = models;
        this.events = events;
        this.clock = clock;
    }

    /** The provider and model an assessment started now would use; provider {@code none} and no model for none. */
    public record Choice(String provider, String model) {
        public boolean enabled() {
            return !AiSettings.NONE.equals(provider);
        }
    }

    /**
     * The organization's AI settings as an admin sees them.
     *
     * @param provider           the organization's choice; null: the instance's default
     * @param model              the organization's model; null: the provider's default
     * @param effectiveProvider  what assessments use now
     * @param effectiveModel     the model they use now (null with {@code none})
     * @param availableProviders what may be chosen: none and the providers configured on this instance
     */
    public record OrganizationAi(String provider, String model, String effectiveProvider, String effectiveModel,
            String defaultProvider, List<String> availableProviders, BigDecimal monthlyBudgetUsd,
            BigDecimal spentThisMonthUsd) {
    }

    /** An admin's change; null provider or model: the default. */
    public record UpdateAi(String provider, String model, BigDecimal monthlyBudgetUsd) {
    }

    public Choice choice(TenantId tenant) {
        AiSettingsRows.Row row = rows.find(tenant.value()).orElse(null);
        String provider = row == null || row.provider() == null ? models.defaultProvider() : row.provider();
        if (AiSettings.NONE.equals(provider) || !models.available().contains(provider)) {
            return new Choice(AiSettings.NONE, null);
        }
        String model = row == null || row.model() == null ? models.defaultModel(provider) : row.model();
        return new Choice(provider, model);
    }

    public OrganizationAi get(TenantId tenant) {
        AiSettingsRows.Row row = rows.find(tenant.value()).orElse(null);
        Choice choice = choice(tenant);
        return new OrganizationAi(row == null ? null : row.provider(), row == null ? null : row.model(),
                choice.provider(), choice.model(), models.defaultProvider(), models.available(),
                row == null ? null : row.monthlyBudgetUsd(), spentThisMonth(tenant));
    }

    @Transactional
    public OrganizationAi update(CurrentUser admin, UpdateAi update) {
        if (admin.role() != Role.ADMIN) {
            throw new ApiProblem(com.qteria.shared.ProblemCode.INSUFFICIENT_PERMISSIONS,
                    "Only admins change the organization's AI settings.");
        }
        List<FieldError> errors = new ArrayList<>();
        String provider = blank(update.provider()) ? null : update.provider().strip().toLowerCase(java.util.Locale.ROOT);
        if (provider != null && !models.available().contains(provider)) {
            errors.add(new FieldError("provider", "Choose one of " + String.join(", ", models.available())
                    + " (the providers this installation is configured for), or leave it empty for the default."));
        }
        String model = blank(update.model()) ? null : update.model().strip();
        if (model != null && !MODEL.matcher(model).matches()) {
            errors.add(new FieldError("model", "A model id: letters, digits and . _ : / @ - only, at most 100."));
        }
        if (model != null && AiSettings.NONE.equals(provider)) {
            errors.add(new FieldError("model", "No model is used without an AI provider."));
        }
        BigDecimal budget = update.monthlyBudgetUsd();
        if (budget != null && (budget.signum() < 0 || budget.compareTo(new BigDecimal("1000000")) >= 0
                || budget.scale() > 2)) {
            errors.add(new FieldError("monthly_budget_usd", "An amount in US dollars from 0 to 999999.99, "
                    + "with at most two decimals; empty for no budget."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        rows.save(new AiSettingsRows.Row(admin.tenantId().value(), provider, model, budget), admin.id(),
                clock.instant());
        events.publishEvent(new AiSettingsChanged(admin.tenantId(), admin.email(), provider, model, budget));
        return get(admin.tenantId());
    }

    /**
     * Refuses (409) a new assessment that would ask the AI once the organization's monthly budget is spent.
     */
    public void checkBudget(TenantId tenant) {
        AiSettingsRows.Row row = rows.find(tenant.value()).orElse(null);
        if (row == null || row.monthlyBudgetUsd() == null) {
            return;
        }
        BigDecimal spent = spentThisMonth(tenant);
        if (spent.compareTo(row.monthlyBudgetUsd()) >= 0) {
            throw ApiProblem.conflict("The organization's monthly AI budget of " + usd(row.monthlyBudgetUsd())
                    + " is spent (" + usd(spent) + " this month). An admin can raise it under Settings → AI; "
                    + "workflows whose criteria all have checks can still be assessed.");
        }
    }

    private BigDecimal spentThisMonth(TenantId tenant) {
        Instant since = YearMonth.now(clock.withZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return assessments.aiSpend(tenant, since).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static String usd(BigDecimal amount) {
        return "$" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** An admin changed the organization's AI settings. */
    public record AiSettingsChanged(TenantId tenantId, String actor, String provider, String model,
            BigDecimal monthlyBudgetUsd) implements AuditableEvent {

        public String action() {
            return "ai_settings.updated";
        }

        public String resourceType() {
            return "organization";
        }

        public String resourceId() {
            return tenantId.value().toString();
        }

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("provider", provider == null ? "default" : provider);
            details.put("model", model == null ? "default" : model);
            details.put("monthly_budget_usd", monthlyBudgetUsd == null ? null : monthlyBudgetUsd.toPlainString());
            return details;
        }
    }
}
