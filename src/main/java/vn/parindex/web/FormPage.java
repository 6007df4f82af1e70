package vn.parindex.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.UniqueViolations;

/**
 * The one way a page answers a posted form: the write, then either the redirect it returns, or the same page again
 * with what was typed and why it was refused. Every page controller's POST reads
 *
 * <pre>{@code
 * return FormPage.of(result, model, response)
 *         .submit(() -> { service.change(...); redirect.addFlashAttribute("notice", "notice.saved");
 *                         return "redirect:/..."; },
 *                 () -> show(..., model));
 * }</pre>
 *
 * <ul>
 * <li>The form could not be bound (a letter in a number box, a hidden version that is no number): 400, the page
 * again with Spring's field error ({@code typeMismatch}, shown by {@code th:errors}) and what was typed (a record
 * form Spring could not create is made again from the typed values); the service is not called, so it never sees
 * a null for what was typed. So is a form that breaks a {@code jakarta.validation} constraint of its record
 * ({@code @Valid}; the message a key of the bundles, e.g. {@code ReportPageController.DueDay}).</li>
 * <li>{@link InvalidInputException}: 400, each message next to its field (a name the form has no field for
 * becomes an error of the whole form). A form of buttons only (no binding result) shows the first message as the
 * page's {@code conflict} alert.</li>
 * <li>{@link ConflictException}, a stale JPA entity ({@link ObjectOptimisticLockingFailureException}) and, when
 * {@link #duplicateMessage} is set, a unique rule of the database: 409, the page again with the message key in the
 * model attribute {@code conflict} (the page's alert), or as a field's error ({@link #conflictOnField}).</li>
 * </ul>
 * Anything else propagates ({@code PageConflictAdvice} turns an unanswered refusal into the error page). The page
 * supplier renders the page as its GET does; forms it adds with {@code putIfAbsent} keep what was typed.
 */
public final class FormPage {

    /** The request attribute holding a write refused before its form was bound ({@link #refused}). */
    static final String REFUSED = FormPage.class.getName() + ".REFUSED";

    /** The message of a stale entity when the page names none. */
    static final String STALE = "conflict.concurrent";

    private final Model model;
    private final HttpServletResponse response;
    private BindingResult form;
    private String typedName;
    private Supplier<?> typed;
    private String conflictMessage;
    private String staleMessage = STALE;
    private String duplicateMessage;
    private String conflictField;
    private boolean currentOnConflict;
    private Supplier<?> current;
    private Consumer<ConflictException> alsoOnConflict = e -> { };
    private Runnable alsoOnInvalid = () -> { };
    private Consumer<InvalidInputException> invalidShownBy;

    private FormPage(BindingResult form, Model model, HttpServletResponse response) {
        this.form = form;
        this.model = model;
        this.response = response;
    }

    /**
     * This request's write is refused whatever its form holds (a closed year, {@code criteria.ClosedYearGuard}):
     * called before the form is bound, {@link #submit} then answers the conflict first, before the form's errors,
     * and the write is not called.
     */
    public static void refused(jakarta.servlet.http.HttpServletRequest request, ConflictException refusal) {
        request.setAttribute(REFUSED, refusal);
    }

    /** A form bound by Spring ({@code @ModelAttribute} and its {@link BindingResult}). */
    public static FormPage of(BindingResult form, Model model, HttpServletResponse response) {
        return new FormPage(form, model, response);
    }

    /** A form of buttons only (nothing typed to show again): refusals are the page's alert. */
    public static FormPage of(Model model, HttpServletResponse response) {
        return new FormPage(null, model, response);
    }

    /**
     * A form read by hand (a multipart upload, read after its permission check): on a refusal it is put in the model
     * as {@code name} with its binding result, as Spring would have bound it, so that the page shows what was typed.
     */
    public FormPage typed(String name, Supplier<?> form) {
        this.typedName = name;
        this.typed = form;
        return this;
    }

    /** Every conflict of this form is shown with this message, whatever the refusal's own key. */
    public FormPage conflictMessage(String messageKey) {
        this.conflictMessage = messageKey;
        this.staleMessage = messageKey;
        return this;
    }

    /** The message when a stale entity is refused by JPA's version check ({@code conflict.concurrent} if not set). */
    public FormPage staleMessage(String messageKey) {
        this.staleMessage = messageKey;
        return this;
    }

    /** A unique rule of the database refusing the write (a parallel request created it first) is a conflict too. */
    public FormPage duplicateMessage(String messageKey) {
        this.duplicateMessage = messageKey;
        return this;
    }

    /** The conflict's message is shown next to this field of the form rather than as the page's alert. */
    public FormPage conflictOnField(String field) {
        this.conflictField = field;
        return this;
    }

    /** On a conflict, what was typed is dropped: the page shows the current values (its GET's form). */
    public FormPage currentOnConflict() {
        this.currentOnConflict = true;
        return this;
    }

    /** On a conflict, what was typed is replaced by this form of the current values. */
    public FormPage currentOnConflict(Supplier<?> current) {
        this.currentOnConflict = true;
        this.current = current;
        return this;
    }

    /** What a conflict shows besides its message (e.g. the items standing in the way). */
    public FormPage onConflict(Consumer<ConflictException> also) {
        this.alsoOnConflict = also;
        return this;
    }

    /** What bad input shows besides the messages at their fields (bound or refused by the service). */
    public FormPage onInvalid(Runnable also) {
        this.alsoOnInvalid = also;
        return this;
    }

    /** Bad input is shown this way instead of as field errors (e.g. next to one row's upload). */
    public FormPage invalidShownBy(Consumer<InvalidInputException> show) {
        this.invalidShownBy = show;
        return this;
    }

    /**
     * Runs the write unless the form could not be bound, and answers as the class describes.
     *
     * @param action the write; returns where to go next (a redirect)
     * @param page   the page again (rendered as its GET does, with the model as the refusal left it)
     */
    public String submit(Supplier<String> action, Supplier<String> page) {
        if (refusedBeforeBinding() instanceof ConflictException refusal) {
            if (form != null && form.hasErrors()) {
                typedAgain();
            }
            return conflict(refusal.messageKey(), refusal, page); // the year is closed, whatever the form
        }
        if (form != null && form.hasErrors()) {
            typedAgain();
            return invalid(page);
        }
        try {
            return action.get();
        } catch (InvalidInputException e) {
            if (invalidShownBy != null) {
                invalidShownBy.accept(e);
            } else {
                BindingResult result = binding();
                if (result != null) {
                    reject(e, result);
                } else {
                    model.addAttribute("conflict", e.fieldErrors().values().iterator().next());
                }
            }
            return invalid(page);
        } catch (ConflictException e) {
            return conflict(conflictMessage != null ? conflictMessage : e.messageKey(), e, page);
        } catch (ObjectOptimisticLockingFailureException e) {
            return conflict(staleMessage, null, page);
        } catch (DataIntegrityViolationException e) {
            if (duplicateMessage == null || !UniqueViolations.isUniqueViolation(e)) {
                throw e;
            }
            return conflict(duplicateMessage, null, page);
        }
    }

    private static Object refusedBeforeBinding() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() instanceof
                org.springframework.web.context.request.ServletRequestAttributes request
                ? request.getRequest().getAttribute(REFUSED) : null;
    }

    private String invalid(Supplier<String> page) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        alsoOnInvalid.run();
        return page.get();
    }

    private String conflict(String messageKey, ConflictException e, Supplier<String> page) {
        response.setStatus(HttpStatus.CONFLICT.value());
        BindingResult result = binding();
        if (conflictField != null && result != null) {
            result.rejectValue(conflictField, messageKey);
        } else {
            model.addAttribute("conflict", messageKey);
        }
        if (currentOnConflict && result != null) {
            String name = result.getObjectName();
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + name);
            model.asMap().remove(name);
            if (current != null) {
                model.addAttribute(name, current.get());
            }
        }
        if (e != null) {
            alsoOnConflict.accept(e);
        }
        return page.get();
    }

    /**
     * A record form whose binding failed is not created by Spring (the model holds {@code null}; the binding result
     * still answers {@code th:field} with the raw values). For what the page reads from the form itself, it is made
     * again from what was typed, each value that could not be read left empty; a form of another kind is dropped,
     * so that the page's own form ({@code putIfAbsent}) stands in for it.
     */
    private void typedAgain() {
        String name = form.getObjectName();
        if (form.getTarget() != null || model.getAttribute(name) != null) {
            return;
        }
        Object again = recordType(name).map(this::rebuild).orElse(null);
        if (again != null) {
            model.addAttribute(name, again);
            // the model drops a binding result whose target is not the attribute: the errors are put back
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, form);
        } else {
            model.asMap().remove(name);
        }
    }

    /** The record type of the handler's {@code @ModelAttribute} parameter of this name, if any. */
    private static java.util.Optional<Class<?>> recordType(String name) {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes request)
                || !(request.getRequest().getAttribute(
                        org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                        instanceof org.springframework.web.method.HandlerMethod handler)) {
            return java.util.Optional.empty();
        }
        for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
            var attribute = parameter.getParameterAnnotation(
                    org.springframework.web.bind.annotation.ModelAttribute.class);
            if (attribute != null && name.equals(attribute.name().isEmpty() ? attribute.value() : attribute.name())
                    && parameter.getParameterType().isRecord()) {
                return java.util.Optional.of(parameter.getParameterType());
            }
        }
        return java.util.Optional.empty();
    }

    private Object rebuild(Class<?> type) {
        var components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        var converter = new org.springframework.beans.SimpleTypeConverter();
        for (int i = 0; i < components.length; i++) {
            String field = components[i].getName();
            if (!form.hasFieldErrors(field)) {
                try {
                    values[i] = converter.convertIfNecessary(form.getFieldValue(field), components[i].getType(),
                            new org.springframework.core.convert.TypeDescriptor(
                                    org.springframework.core.ResolvableType.forType(components[i].getGenericType()),
                                    null, null));
                } catch (RuntimeException e) {
                    values[i] = null; // left empty, as for a value that could not be read
                }
            }
        }
        try {
            var constructor = type.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Each refusal next to its field ({@code th:errors}); a name the form has no field for is an error of the whole
     * form. A message that is no key of the bundles (a sentence a rule wrote itself) is shown as it is.
     */
    static void reject(InvalidInputException e, BindingResult result) {
        Object target = result.getTarget();
        var fields = target == null ? null : PropertyAccessorFactory.forBeanPropertyAccess(target);
        e.fieldErrors().forEach((field, messageKey) -> {
            if (fields != null && fields.isReadableProperty(field)) {
                result.rejectValue(field, messageKey, messageKey);
            } else {
                result.reject(messageKey, messageKey);
            }
        });
    }

    /** The form's binding result; a form read by hand is bound (put in the model) on its first use. */
    private BindingResult binding() {
        if (form == null && typed != null) {
            Object value = typed.get();
            form = new BeanPropertyBindingResult(value, typedName);
            model.addAttribute(typedName, value);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + typedName, form);
        }
        return form;
    }
}
