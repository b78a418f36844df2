package com.aftersales.gateway.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;

/**
 * The schema's two scalars beyond the standard ones: {@code Long} (versions and sequence numbers
 * pass 2^31) and an output-only {@code JSON} (a timeline entry's details, already masked).
 * Hand-written rather than graphql-java-extended-scalars': that library is not among the
 * dependencies fetched for this build (offline), and these two need a few lines only; the
 * extended scalars' {@code Long} and {@code JSON} would do when it is added.
 */
final class GraphQlScalars {

    static final GraphQLScalarType LONG = GraphQLScalarType.newScalar().name("Long")
            .description("A 64-bit integer").coercing(new LongCoercing()).build();

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON")
            .description("Output-only JSON value").coercing(new JsonCoercing()).build();

    private GraphQlScalars() {
    }

    private static final class LongCoercing implements Coercing<Long, Long> {

        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Number number) {
                return number.longValue();
            }
            throw new CoercingSerializeException("not a number");
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof Integer || input instanceof Long) {
                return ((Number) input).longValue();
            }
            if (input instanceof String text && text.matches("-?\\d{1,18}")) {
                return Long.parseLong(text);
            }
            throw new CoercingParseValueException("expected a whole number");
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof IntValue number && number.getValue().bitLength() < 64) {
                return number.getValue().longValue();
            }
            if (input instanceof StringValue text) {
                return parseValue(text.getValue(), context, locale);
            }
            throw new CoercingParseLiteralException("expected a whole number");
        }
    }

    private static final class JsonCoercing implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            throw new CoercingParseValueException("JSON is output only");
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            throw new CoercingParseLiteralException("JSON is output only");
        }
    }
}
