import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export interface FormFieldProps {
  label: string;
  required?: boolean;
  /** The rule the value broke, shown under the field. */
  error?: string;
  /** Shown at the right of the label, e.g. "120/500". */
  counter?: string;
  children: ReactNode;
}

/** One labelled form row: the label, the control, and the error under it. */
export default function FormField({ label, required = false, error, counter, children }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <View className="form-field__label-row">
        <Text className="form-field__label">
          {label}
          {required && <Text className="form-field__required"> *</Text>}
        </Text>
        {counter && <Text className="form-field__counter">{counter}</Text>}
      </View>
      {children}
      {error && <Text className="form-field__error">{error}</Text>}
    </View>
  );
}
