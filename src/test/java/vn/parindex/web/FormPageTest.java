package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;

/** The one way a page answers a form: what each refusal does to the status, the model and the form's errors. */
class FormPageTest {

    public record Form(String name, Long version) {
    }

    final ExtendedModelMap model = new ExtendedModelMap();
    final MockHttpServletResponse response = new MockHttpServletResponse();
    final Form typed = new Form("typed", 3L);
    final BindingResult result = bound("form", typed);

    BindingResult bound(String name, Object form) {
        BindingResult r = new BeanPropertyBindingResult(form, name);
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, r);
        return r;
    }

    @Test
    void aWriteThatSucceedsGoesWhereItSays() {
        String view = FormPage.of(result, model, response).submit(() -> "redirect:/done", () -> "page");
        assertThat(view).isEqualTo("redirect:/done");
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aFormThatCouldNotBeBoundIs400AndTheServiceIsNeverCalled() {
        result.rejectValue("version", "typeMismatch");
        AtomicBoolean called = new AtomicBoolean();
        String view = FormPage.of(result, model, response).submit(() -> {
            called.set(true);
            return "redirect:/done";
        }, () -> "page");
        assertThat(view).isEqualTo("page");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(called).isFalse();
        assertThat(result.getFieldError("version").getCode()).isEqualTo("typeMismatch");
    }

    @Test
    void badInputIs400WithEachMessageAtItsFieldAndWhatWasTypedKept() {
        AtomicBoolean marked = new AtomicBoolean();
        String view = FormPage.of(result, model, response).onInvalid(() -> marked.set(true)).submit(() -> {
            throw new InvalidInputException(Map.of("name", "unit.nameRequired", "elsewhere", "some.key"));
        }, () -> "page");
        assertThat(view).isEqualTo("page");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(marked).isTrue();
        assertThat(result.getFieldError("name").getCode()).isEqualTo("unit.nameRequired");
        // a name the form has no field for: an error of the whole form
        assertThat(result.getGlobalError().getCode()).isEqualTo("some.key");
        assertThat(model.get("form")).isSameAs(typed);
        assertThat(model.get("conflict")).isNull();
    }

    @Test
    void aFormOfButtonsShowsBadInputAsThePagesAlert() {
        FormPage.of(model, response).submit(() -> {
            throw InvalidInputException.of("version", "version.required");
        }, () -> "page");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model.get("conflict")).isEqualTo("version.required");
    }

    @Test
    void aConflictIs409WithItsMessageAndWhatWasTyped() {
        FormPage.of(result, model, response).onConflict(e -> model.addAttribute("pending", e.details()))
                .submit(() -> {
                    throw new ConflictException("conflict.task", 4, List.of("1.1"));
                }, () -> "page");
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(model.get("conflict")).isEqualTo("conflict.task");
        assertThat(model.get("pending")).isEqualTo(List.of("1.1"));
        assertThat(model.get("form")).isSameAs(typed);
    }

    @Test
    void aConflictCanShowTheCurrentValuesInsteadOfWhatWasTyped() {
        Form current = new Form("current", 4L);
        FormPage.of(result, model, response).currentOnConflict(() -> current).submit(() -> {
            throw new ConflictException("conflict.task", 4);
        }, () -> "page");
        assertThat(model.get("form")).isSameAs(current);
        assertThat(model.get(BindingResult.MODEL_KEY_PREFIX + "form")).isNull();

        ExtendedModelMap other = new ExtendedModelMap();
        BindingResult r = new BeanPropertyBindingResult(typed, "form");
        other.addAttribute("form", typed);
        other.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", r);
        FormPage.of(r, other, new MockHttpServletResponse()).currentOnConflict().submit(() -> {
            throw new ConflictException("conflict.task", 4);
        }, () -> "page");
        assertThat(other).doesNotContainKeys("form", BindingResult.MODEL_KEY_PREFIX + "form");
    }

    @Test
    void aConflictCanBeSaidAtAFieldAndWithThePagesOwnMessage() {
        FormPage.of(result, model, response).conflictOnField("name").submit(() -> {
            throw new ConflictException("conflict.cycleExists", 0);
        }, () -> "page");
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(result.getFieldError("name").getCode()).isEqualTo("conflict.cycleExists");
        assertThat(model.get("conflict")).isNull();

        ExtendedModelMap other = new ExtendedModelMap();
        FormPage.of(other, new MockHttpServletResponse()).conflictMessage("conflict.peer").submit(() -> {
            throw new ConflictException("conflict.other", 0);
        }, () -> "page");
        assertThat(other.get("conflict")).isEqualTo("conflict.peer");
    }

    @Test
    void aStaleEntityIsAConflictAndADuplicateOnlyWhereThePageSaysSo() {
        FormPage.of(result, model, response).staleMessage("conflict.criterion").submit(() -> {
            throw new ObjectOptimisticLockingFailureException(Object.class, 1L);
        }, () -> "page");
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(model.get("conflict")).isEqualTo("conflict.criterion");

        assertThatThrownBy(() -> FormPage.of(model, new MockHttpServletResponse()).submit(() -> {
            throw new DataIntegrityViolationException("duplicate key");
        }, () -> "page")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aFormReadByHandIsBoundOnlyWhenRefused() {
        ExtendedModelMap upload = new ExtendedModelMap();
        FormPage page = FormPage.of(upload, new MockHttpServletResponse()).typed("progress", () -> typed);
        assertThat(page.submit(() -> "redirect:/done", () -> "page")).isEqualTo("redirect:/done");
        assertThat(upload).doesNotContainKey("progress");

        FormPage.of(upload, new MockHttpServletResponse()).typed("progress", () -> typed).submit(() -> {
            throw InvalidInputException.of("name", "comment.tooLong");
        }, () -> "page");
        assertThat(upload.get("progress")).isSameAs(typed);
        BindingResult r = (BindingResult) upload.get(BindingResult.MODEL_KEY_PREFIX + "progress");
        assertThat(r.getFieldError("name").getCode()).isEqualTo("comment.tooLong");
    }

    @Test
    void aMessageThatIsNoKeyIsShownAsItIs() {
        FormPage.of(result, model, response).submit(() -> {
            throw InvalidInputException.of("name", "mã cũ 1.5 không có trong kỳ 2024");
        }, () -> "page");
        assertThat(result.getFieldError("name").getDefaultMessage()).isEqualTo("mã cũ 1.5 không có trong kỳ 2024");
    }

    /** A handler as Spring calls it, for the test below. */
    String handler(@org.springframework.web.bind.annotation.ModelAttribute("form") Form form) {
        return "page";
    }

    @Test
    void aRecordFormSpringCouldNotCreateIsMadeAgainFromWhatWasTyped() throws Exception {
        // as Spring leaves a record whose version could not be read: no form, the raw values in the binding result
        org.springframework.validation.DataBinder binder = new org.springframework.validation.DataBinder(null, "form");
        binder.setTargetType(org.springframework.core.ResolvableType.forClass(Form.class));
        Map<String, Object> typedValues = Map.of("name", "Đổi tên", "version", "abc");
        binder.construct(new org.springframework.validation.DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> type) {
                return typedValues.get(name);
            }

            @Override
            public java.util.Set<String> getNames() {
                return typedValues.keySet();
            }
        });
        BindingResult failed = binder.getBindingResult();
        assertThat(failed.getTarget()).isNull();
        ExtendedModelMap page = new ExtendedModelMap();
        page.addAllAttributes(failed.getModel());
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                new org.springframework.web.method.HandlerMethod(this,
                        getClass().getDeclaredMethod("handler", Form.class)));
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            FormPage.of(failed, page, response).submit(() -> "redirect:/done", () -> "page");
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(page.get("form")).isEqualTo(new Form("Đổi tên", null));
        assertThat(page.get(BindingResult.MODEL_KEY_PREFIX + "form")).isSameAs(failed);
        assertThat(failed.getFieldError("version").getCode()).isEqualTo("typeMismatch");

        // without the handler to say what the form is: dropped, the page's own form stands in
        ExtendedModelMap other = new ExtendedModelMap();
        other.addAllAttributes(failed.getModel());
        FormPage.of(failed, other, new MockHttpServletResponse()).submit(() -> "redirect:/done", () -> "page");
        assertThat(other).doesNotContainKey("form");
    }
}
