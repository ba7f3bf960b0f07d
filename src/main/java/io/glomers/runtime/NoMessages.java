package io.glomers.runtime;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The context's {@code messageSource}: a node has no localised messages. Without a bean of that
 * name, the context makes a {@code DelegatingMessageSource}, whose base class's static initialiser
 * enumerates every locale of the JVM: ~11 % of the main thread's start-up (issue #15).
 */
final class NoMessages implements MessageSource {

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        return defaultMessage;
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        throw new NoSuchMessageException(code, locale);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        if (resolvable.getDefaultMessage() != null) {
            return resolvable.getDefaultMessage();
        }
        String[] codes = resolvable.getCodes();
        throw new NoSuchMessageException(codes != null && codes.length > 0 ? codes[codes.length - 1] : "", locale);
    }
}
