import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CardDto } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import { BusinessCard } from '../../../components/BusinessCard';
import FormField from '../../../components/FormField';
import { ApiError } from '../../../services/request';
import { getMyCard, updateMyCard, uploadAvatar } from '../../../services/cards';
import {
  type CardField,
  type CardFieldErrors,
  type CardForm,
  fieldErrorsFrom,
  formFromCard,
  validateCardForm,
} from './cardForm';
import PrivacyAuthorizationPopup from '../../../components/PrivacyAuthorizationPopup';
import './index.scss';

const BIO_LIMIT = 500;

interface TextFieldSpec {
  field: Exclude<CardField, 'bio'>;
  label: string;
  placeholder: string;
  required?: boolean;
  type?: 'text' | 'number';
}

const CONTACT_FIELDS: TextFieldSpec[] = [
  { field: 'name', label: '姓名', placeholder: '你的真实姓名', required: true },
  { field: 'title', label: '职位', placeholder: '如：客户经理' },
  { field: 'company', label: '公司', placeholder: '公司全称' },
  { field: 'phone', label: '手机', placeholder: '客户点击即可拨打' },
  { field: 'wechatId', label: '微信号', placeholder: '客户可一键复制' },
  { field: 'email', label: '邮箱', placeholder: 'name@example.com' },
  { field: 'address', label: '地址', placeholder: '办公地址' },
];

export default function CardEditPage() {
  const [card, setCard] = useState<CardDto | null>(null);
  const [form, setForm] = useState<CardForm | null>(null);
  const [errors, setErrors] = useState<CardFieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [previewing, setPreviewing] = useState(false);

  useEffect(() => {
    getMyCard()
      .then((loaded) => {
        setCard(loaded);
        setForm(formFromCard(loaded));
      })
      .catch(() => Taro.showToast({ title: '名片加载失败，请稍后再试', icon: 'none' }));
  }, []);

  if (!card || !form) {
    return (
      <View className="card-edit card-edit--center">
        <Text className="card-edit__hint">正在加载名片…</Text>
      </View>
    );
  }

  const update = (field: CardField, value: string) => {
    setForm({ ...form, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const chooseAvatar = async () => {
    let filePath: string;
    try {
      const chosen = await Taro.chooseImage({
        count: 1,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      filePath = chosen.tempFilePaths[0];
    } catch {
      return; // The user closed the picker.
    }
    setUploading(true);
    try {
      setCard(await uploadAvatar(filePath));
      Taro.showToast({ title: '头像已更新', icon: 'success' });
    } catch (error) {
      Taro.showToast({ title: error instanceof Error ? error.message : '头像上传失败', icon: 'none' });
    } finally {
      setUploading(false);
    }
  };

  const save = async () => {
    // Taro's H5 button greys out when given disabled={false}, so a tap during a save is ignored here instead.
    if (saving) return;
    const validation = validateCardForm(form);
    if (!validation.ok) {
      setErrors(validation.errors);
      Taro.showToast({ title: '请按提示修改后再保存', icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      const saved = await updateMyCard(validation.input);
      setCard(saved);
      setForm(formFromCard(saved));
      setErrors({});
      Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (error) {
      if (error instanceof ApiError && error.body.fields?.length) {
        setErrors(fieldErrorsFrom(error.body.fields));
        Taro.showToast({ title: '请按提示修改后再保存', icon: 'none' });
      } else {
        Taro.showToast({
          title: error instanceof Error ? error.message : '保存失败，请稍后再试',
          icon: 'none',
        });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="card-edit">
      <View className="card-edit__avatar-row" onClick={uploading ? undefined : chooseAvatar}>
        {card.avatarUrl ? (
          <Image className="card-edit__avatar" src={card.avatarUrl} mode="aspectFill" />
        ) : (
          <View className="card-edit__avatar card-edit__avatar--empty">
            <Text>{(form.name || card.name).slice(0, 1)}</Text>
          </View>
        )}
        <View className="card-edit__avatar-text">
          <Text className="card-edit__avatar-title">{uploading ? '正在上传…' : '更换头像'}</Text>
          <Text className="card-edit__hint">支持 JPG、PNG、WebP，不超过 2 MB</Text>
        </View>
      </View>

      <View className="card-edit__section">
        {CONTACT_FIELDS.map((spec) => (
          <FormField key={spec.field} label={spec.label} required={spec.required} error={errors[spec.field]}>
            <Input
              className="card-edit__input"
              value={form[spec.field]}
              placeholder={spec.placeholder}
              onInput={(event) => update(spec.field, event.detail.value)}
            />
          </FormField>
        ))}
        <FormField label="个人简介" error={errors.bio} counter={`${form.bio.length}/${BIO_LIMIT}`}>
          <Textarea
            className="card-edit__textarea"
            value={form.bio}
            maxlength={BIO_LIMIT}
            placeholder="用一两句话介绍你能为客户做什么"
            onInput={(event) => update('bio', event.detail.value)}
          />
        </FormField>
        <FormField label="官网链接" error={errors.siteUrl}>
          <Input
            className="card-edit__input"
            value={form.siteUrl}
            placeholder="https://"
            onInput={(event) => update('siteUrl', event.detail.value)}
          />
        </FormField>
      </View>

      {previewing && (
        <View className="card-edit__preview">
          <Text className="card-edit__preview-title">客户看到的名片</Text>
          <BusinessCard card={{ ...card, ...form }} preview />
        </View>
      )}

      <View className="card-edit__bar">
        <Button className="card-edit__preview-toggle" onClick={() => setPreviewing(!previewing)}>
          {previewing ? '收起预览' : '预览'}
        </Button>
        <Button className="button-primary card-edit__save" loading={saving} onClick={save}>
          保存
        </Button>
      </View>
      <PrivacyAuthorizationPopup />
    </View>
  );
}
